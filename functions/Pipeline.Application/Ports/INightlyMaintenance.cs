namespace Pipeline.Application.Ports;

/// <summary>
/// A housekeeping step the nightly timer runs before it decides which plans need work (for example a
/// sweep of staged rows whose upload never committed). Every registered step runs, in registration order;
/// a step that throws fails the timer run, which the function-failure alert reports.
/// </summary>
public interface INightlyMaintenance
{
    Task RunAsync(CancellationToken cancellationToken);
}
