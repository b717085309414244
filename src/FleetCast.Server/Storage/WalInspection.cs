namespace FleetCast.Server.Storage;

/// <summary>What <see cref="WalInspector"/> found in a <c>-wal</c> file left by an unclean shutdown.</summary>
/// <param name="HeaderValid">False when the magic, version, page size or header checksum is wrong: SQLite then
/// ignores the whole file.</param>
/// <param name="Frames">Complete frames in the file (a torn partial frame at the end is not counted).</param>
/// <param name="KeptCommits">Committed transactions SQLite will recover (the valid prefix up to its last commit).</param>
/// <param name="StaleFrames">Frames left over from an earlier WAL generation (other salts): normal, never applied.</param>
/// <param name="FirstBrokenFrame">1-based index of the first frame that breaks the checksum chain (or carries other
/// salts), null when every frame is valid.</param>
/// <param name="LostFrames">Frames after the break that still carry the header's current salts: written in this
/// generation, yet SQLite discards them with everything after the break.</param>
/// <param name="LostCommits">Commit frames among <paramref name="LostFrames"/>: transactions that were committed
/// (and acknowledged) but will not be recovered.</param>
public sealed record WalInspection(string Path, bool HeaderValid, int Frames, int KeptCommits, int StaleFrames,
    int? FirstBrokenFrame, int LostFrames, int LostCommits)
{
    /// <summary>Data SQLite would drop without a word: committed frames behind a broken checksum chain, or a
    /// WAL whose header is unreadable although the file holds more than the header. A chain that merely ends
    /// in frames of an unfinished transaction (a kill during a write) is not damage.</summary>
    public bool IsDamaged => HeaderValid ? LostCommits > 0 : Frames > 0;

    public string Describe() => !HeaderValid
        ? $"the header of {Path} is invalid (magic, version, page size or checksum), so SQLite ignores the whole file and its {Frames} frame(s)"
        : IsDamaged
            ? $"frame {FirstBrokenFrame} of {Frames} in {Path} breaks the checksum chain; {LostFrames} frame(s) from there on carry the current salts "
              + $"and hold {LostCommits} committed transaction(s), which SQLite discards (it keeps the {KeptCommits} transaction(s) before the break)"
            : $"{Path} is intact: {KeptCommits} committed transaction(s) in {Frames} frame(s), {StaleFrames} stale frame(s) of an earlier generation";
}
