using Pipeline.Benchmarks;

return args.Length > 1 && args[0] == "child-amplification"
    ? AmplificationBenchmark.Child(args[1])
    : args.Length > 0 && args[0] == "amplification"
        ? AmplificationBenchmark.Run(args)
    : args.Length > 0 && args[0].StartsWith("child-", StringComparison.Ordinal)
    ? IsolatedMeasurements.Run(args)
    : args.Length > 0 && args[0] == "incremental"
        ? await IncrementalBenchmark.RunAsync(args)
    : args.Length > 0 && args[0] == "aggregation-scale"
        ? await AggregationScaleBenchmark.RunAsync(args)
    : args.Length > 0 && args[0] == "portal-validation"
        ? await PortalValidationBenchmark.RunAsync(args)
        : await Harness.RunAsync(args);
