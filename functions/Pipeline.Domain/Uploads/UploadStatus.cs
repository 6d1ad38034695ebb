namespace Pipeline.Domain.Uploads;

/// <summary>What became of an upload.</summary>
public enum UploadStatus
{
    /// <summary>Every row was valid and all of them are stored.</summary>
    Accepted,
    /// <summary>At least one error: nothing of the file is stored.</summary>
    Rejected,
    /// <summary>The same content was accepted before: nothing changes.</summary>
    Duplicate,
    /// <summary>Processing failed repeatedly (poison): nothing is stored; an operator may replay it.</summary>
    Failed,
}
