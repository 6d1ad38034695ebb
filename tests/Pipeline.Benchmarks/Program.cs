using Pipeline.Benchmarks;

return args.Length > 0 && args[0].StartsWith("child-", StringComparison.Ordinal)
    ? Children.Run(args)
    : args.Length > 0 && args[0] == "incremental"
        ? await IncrementalBenchmark.RunAsync(args)
    : args.Length > 0 && args[0] == "portal-validation"
        ? await PortalValidationBenchmark.RunAsync()
        : await Harness.RunAsync(args);
