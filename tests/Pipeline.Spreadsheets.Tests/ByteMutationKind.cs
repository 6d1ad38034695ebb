namespace Pipeline.Spreadsheets.Tests;

/// <summary>What <see cref="ByteMutation"/> does to a file's bytes.</summary>
internal enum ByteMutationKind
{
    /// <summary>Up to 19 random bytes overwritten with random values.</summary>
    Overwritten,

    /// <summary>The file cut at a random byte.</summary>
    Cut,

    /// <summary>A random span of the file written twice in a row.</summary>
    Duplicated,
}
