using BenchmarkDotNet.Running;
using LinkedAudiences.Benchmarks.Compile;
using LinkedAudiences.Benchmarks.Warehouse;

// dotnet run -c Release --project tests/LinkedAudiences.Benchmarks -- compile [BenchmarkDotNet options]
// dotnet run -c Release --project tests/LinkedAudiences.Benchmarks -- warehouse [--profiles 100000,1000000] [--runs 5] [--seed 42]
//     [--budget 30] [--cap 300] [--audiences KEY,KEY] [--cache /tmp/la-bench]
switch (args.FirstOrDefault())
{
    case "compile":
        BenchmarkRunner.Run<CompileBenchmarks>(new ShortInProcessConfig(), args[1..]);
        return 0;
    case "warehouse":
        return await WarehouseHarness.RunAsync(WarehouseSettings.Parse(args[1..]), Console.Out, CancellationToken.None);
    default:
        await Console.Error.WriteLineAsync("usage: -- compile [BenchmarkDotNet options] | -- warehouse [--profiles 100000,1000000] [--runs 5] [--seed 42] [--budget 30] [--cap 300] [--audiences KEY,KEY] [--cache DIR]");
        return 2;
}
