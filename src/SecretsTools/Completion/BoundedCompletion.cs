using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SecretsTools.Completion;

/// <summary>
/// Runs a completer's AWS work with a deadline. The work's own calls are cancelled at the soft
/// deadline, so it can still return what it has; at the hard deadline the prompt gets nothing and
/// the work is left to finish on its own: a credential process, an instance-metadata lookup or a
/// connect that ignores cancellation must not hold the prompt either.
/// </summary>
internal static class BoundedCompletion
{
    public static readonly TimeSpan SoftDeadline = TimeSpan.FromSeconds(2.5);
    public static readonly TimeSpan HardDeadline = TimeSpan.FromSeconds(3);

    public static IReadOnlyList<T> Run<T>(Func<CancellationToken, Task<IReadOnlyList<T>>> work)
    {
        var cancellation = new CancellationTokenSource(SoftDeadline);
        Task<IReadOnlyList<T>> task;
        try
        {
            task = Task.Run(() => work(cancellation.Token));
        }
        catch (Exception)
        {
            cancellation.Dispose();
            return Array.Empty<T>();
        }
        try
        {
            if (task.Wait(HardDeadline))
            {
                cancellation.Dispose();
                return task.Result;
            }
        }
        catch (Exception)
        {
            // Completion never throws at the user: no suggestions is the honest answer.
            cancellation.Dispose();
            return Array.Empty<T>();
        }
        cancellation.Cancel();
        // Observe the abandoned work's failure, and release its token only once it is done with it.
        _ = task.ContinueWith(t =>
        {
            _ = t.Exception;
            cancellation.Dispose();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return Array.Empty<T>();
    }
}
