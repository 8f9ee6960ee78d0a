using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace SecretsTools.Commands;

/// <summary>One finished work item: its result, or the exception it ended with.</summary>
internal readonly record struct Completed<TItem, TResult>(TItem Item, TResult? Result, Exception? Error);

/// <summary>
/// The async core of cmdlets that make many independent AWS calls (copies, migrations): at most
/// ThrottleLimit items run at once on the thread pool, while everything the user sees (output,
/// errors, progress, ShouldProcess) happens on the pipeline thread, which is the only one allowed
/// to write. Add blocks (writing what finished meanwhile) once the limit is reached, so a long
/// input never piles up tasks; Drain waits for the rest. The cmdlet's token (Ctrl+C) cancels the
/// items, and the waits end with OperationCanceledException.
/// </summary>
internal sealed class BoundedParallel<TItem, TResult>
{
    private readonly Func<TItem, CancellationToken, Task<TResult>> _work;
    private readonly CancellationToken _cancellation;
    private readonly BlockingCollection<Completed<TItem, TResult>> _completed = new();
    private readonly int _limit;
    private int _running;

    public BoundedParallel(int throttleLimit, Func<TItem, CancellationToken, Task<TResult>> work, CancellationToken cancellation)
    {
        if (throttleLimit < 1) throw new ArgumentOutOfRangeException(nameof(throttleLimit));
        _limit = throttleLimit;
        _work = work;
        _cancellation = cancellation;
    }

    /// <summary>Items started and not yet handed to a writer.</summary>
    public int Running => _running;

    /// <summary>Starts an item; first, while the limit is reached, hands finished items to write (on this thread).</summary>
    public void Add(TItem item, Action<Completed<TItem, TResult>> write)
    {
        while (_running >= _limit) write(Take());
        while (_completed.TryTake(out var done)) { _running--; write(done); }
        _running++;
        _ = Task.Run(async () =>
        {
            Completed<TItem, TResult> outcome;
            try { outcome = new(item, await _work(item, _cancellation).ConfigureAwait(false), null); }
            catch (Exception ex) { outcome = new(item, default, ex); }
            _completed.Add(outcome);
        });
    }

    /// <summary>Hands every remaining item to write as it finishes (on this thread).</summary>
    public void Drain(Action<Completed<TItem, TResult>> write)
    {
        while (_running > 0) write(Take());
    }

    private Completed<TItem, TResult> Take()
    {
        var done = _completed.Take(_cancellation);
        _running--;
        return done;
    }
}
