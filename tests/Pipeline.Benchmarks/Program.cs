using Pipeline.Benchmarks;

return args.Length > 0 && args[0].StartsWith("child-", StringComparison.Ordinal)
    ? Children.Run(args)
    : await Harness.RunAsync(args);
