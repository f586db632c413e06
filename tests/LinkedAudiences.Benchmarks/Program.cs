using BenchmarkDotNet.Running;
using LinkedAudiences.Benchmarks.Compile;
using LinkedAudiences.Benchmarks.Delivery;
using LinkedAudiences.Benchmarks.Preview;
using LinkedAudiences.Benchmarks.Runs;
using LinkedAudiences.Benchmarks.Warehouse;

// dotnet run -c Release --project tests/LinkedAudiences.Benchmarks -- compile [BenchmarkDotNet options]
// dotnet run -c Release --project tests/LinkedAudiences.Benchmarks -- warehouse [--profiles 100000,1000000] [--runs 5] [--seed 42]
//     [--budget 30] [--cap 300] [--audiences KEY,KEY] [--cache /tmp/la-bench]
// dotnet run -c Release --project tests/LinkedAudiences.Benchmarks -- runs [--profiles 100000,1000000] [--churn 0.01]
//     [--audiences KEY,KEY] [--modes in-warehouse,full-pull] [--seed 42] [--cache /tmp/la-bench]
// dotnet run -c Release --project tests/LinkedAudiences.Benchmarks -- deliver [--events 1000000] [--batch 100] [--concurrency 4]
//     [--pass 5000] [--cache /tmp/la-bench]
// dotnet run -c Release --project tests/LinkedAudiences.Benchmarks -- preview-load [--profiles 100000] [--concurrency 50] [--waves 4]
//     [--audience uc1-outstanding-credit-card]
switch (args.FirstOrDefault())
{
    case "compile":
        BenchmarkRunner.Run<CompileBenchmarks>(new ShortInProcessConfig(), args[1..]);
        return 0;
    case "warehouse":
        return await WarehouseHarness.RunAsync(WarehouseSettings.Parse(args[1..]), Console.Out, CancellationToken.None);
    case "runs":
        return await RunsHarness.RunAsync(RunsSettings.Parse(args[1..]), Console.Out, CancellationToken.None);
    case "deliver":
        return await DeliveryHarness.RunAsync(DeliverySettings.Parse(args[1..]), Console.Out, CancellationToken.None);
    case "preview-load":
        return await PreviewLoadHarness.RunAsync(PreviewLoadSettings.Parse(args[1..]), Console.Out, CancellationToken.None);
    default:
        await Console.Error.WriteLineAsync("usage: -- compile [BenchmarkDotNet options] | -- warehouse [--profiles 100000,1000000] [--runs 5] [--seed 42] [--budget 30] [--cap 300] [--audiences KEY,KEY] [--cache DIR] | -- runs [--profiles 100000,1000000] [--churn 0.01] [--audiences KEY,KEY] [--modes in-warehouse,full-pull] | -- deliver [--events 1000000] [--batch 100] [--concurrency 4] [--pass 5000] | -- preview-load [--profiles 100000] [--concurrency 50] [--waves 4] [--audience KEY]");
        return 2;
}
