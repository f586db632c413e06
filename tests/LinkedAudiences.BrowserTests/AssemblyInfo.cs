// Each test class boots its own Orchard site and browser; on a shared 2-core machine they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
