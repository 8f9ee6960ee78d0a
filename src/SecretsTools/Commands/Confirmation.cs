using System;
using System.Management.Automation;
using System.Management.Automation.Host;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>The one way every cmdlet of the module asks for confirmation.</summary>
internal static class Confirmation
{
    /// <summary>
    /// ShouldProcess, with a clear error where the host cannot ask. pwsh -NonInteractive (and a
    /// host without a user interface) answers a needed confirmation with an exception that says
    /// only "Read and Prompt functionality is not available", which tells a CI log neither what
    /// asked nor how to go on. That becomes ConfirmationRequired, naming the command, the target
    /// and the switches that confirm without a prompt. It terminates: nothing has been done to
    /// this target, and every further one would need the same prompt.
    /// </summary>
    public static bool ShouldProcessOrExplain(PSCmdlet cmdlet, string target, string action, bool forceSkipsPrompt = false)
    {
        try
        {
            return cmdlet.ShouldProcess(target, action);
        }
        catch (Exception ex) when (ex is PSInvalidOperationException or HostException or NotImplementedException or PSNotImplementedException or NotSupportedException)
        {
            string command = cmdlet.MyInvocation.MyCommand.Name;
            string confirmWithout = forceSkipsPrompt ? "-Force or -Confirm:$false" : "-Confirm:$false";
            string message = $"{command} needs a confirmation to \"{action}\" on \"{target}\", and this session cannot prompt for one "
                + $"(non-interactive). Nothing was done to it. To go ahead without a prompt, add {confirmWithout} "
                + "(or set $ConfirmPreference = 'None'); to see what would be done, add -WhatIf.";
            cmdlet.ThrowTerminatingError(new ErrorRecord(new PSInvalidOperationException(message, ex), ErrorIds.ConfirmationRequired, ErrorCategory.InvalidOperation, target));
            return false;
        }
    }
}
