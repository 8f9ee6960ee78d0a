using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace SecretsTools.Tests.Infrastructure;

/// <summary>
/// An in-process PowerShell with the SecretsTools cmdlets loaded from the assembly under test.
/// (No ExecutionPolicy is set: that throws on Linux.)
/// </summary>
public sealed class PowerShellHost : IDisposable
{
    private readonly Runspace _runspace;

    public PowerShellHost()
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(new[] { typeof(SecretsTools.Commands.GetSecretCommand).Assembly.Location });
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
    }

    /// <summary>Runs a script; returns its output and the error, warning and verbose records it wrote.</summary>
    public RunResult Run(string script, Dictionary<string, object?>? variables = null)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        if (variables is not null)
            foreach (var (name, value) in variables) _runspace.SessionStateProxy.SetVariable(name, value);
        ps.AddScript(script);
        Collection<PSObject> output;
        Exception? terminating = null;
        try { output = ps.Invoke(); }
        catch (RuntimeException ex) { output = new Collection<PSObject>(); terminating = ex; }
        return new RunResult(
            output.Select(o => o?.BaseObject).ToList(),
            ps.Streams.Error.ToList(),
            ps.Streams.Warning.Select(w => w.Message).ToList(),
            ps.Streams.Verbose.Select(v => v.Message).ToList(),
            terminating);
    }

    /// <summary>Starts a script without waiting, for cancellation tests.</summary>
    public PowerShell Start(string script, out IAsyncResult handle)
    {
        var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        handle = ps.BeginInvoke();
        return ps;
    }

    public void Dispose() => _runspace.Dispose();
}

public sealed record RunResult(
    IReadOnlyList<object?> Output,
    IReadOnlyList<ErrorRecord> Errors,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Verbose,
    Exception? Terminating);
