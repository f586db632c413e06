// One fixture packs the module, builds a whole site and boots it; on a shared 2-core machine nothing runs beside it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
