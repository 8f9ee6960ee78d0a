// A PowerShell host for tests that keeps what commands write to the host instead of showing it:
// -WhatIf writes its "What if:" lines to the host, not to any stream, so without this the test run
// would print them. It cannot prompt: a command that asks fails instead of waiting.
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace SecretsToolsTests
{
    public sealed class CapturingHost : PSHost
    {
        private readonly CapturingHostUserInterface _ui = new CapturingHostUserInterface();

        public override string Name => "SecretsToolsTestHost";
        public override Version Version => new Version(1, 0);
        public override Guid InstanceId { get; } = Guid.NewGuid();
        public override PSHostUserInterface UI => _ui;
        public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;

        /// <summary>Every line written to the host so far.</summary>
        public string[] Lines => _ui.Lines;

        public override void SetShouldExit(int exitCode) { }
        public override void EnterNestedPrompt() => throw new NotSupportedException("The test host has no nested prompt.");
        public override void ExitNestedPrompt() => throw new NotSupportedException("The test host has no nested prompt.");
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
    }

    public sealed class CapturingHostUserInterface : PSHostUserInterface
    {
        private readonly List<string> _lines = new List<string>();
        private string _partial = "";

        public string[] Lines
        {
            get
            {
                lock (_lines)
                {
                    var lines = new List<string>(_lines);
                    if (_partial.Length > 0) lines.Add(_partial);
                    return lines.ToArray();
                }
            }
        }

        public override PSHostRawUserInterface RawUI => null;

        public override void Write(string value) { lock (_lines) _partial += value; }
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Write(value);
        public override void WriteLine(string value) { lock (_lines) { _lines.Add(_partial + value); _partial = ""; } }
        public override void WriteErrorLine(string value) => WriteLine(value);
        public override void WriteDebugLine(string message) => WriteLine("DEBUG: " + message);
        public override void WriteVerboseLine(string message) => WriteLine("VERBOSE: " + message);
        public override void WriteWarningLine(string message) => WriteLine("WARNING: " + message);
        public override void WriteProgress(long sourceId, ProgressRecord record) { }

        public override string ReadLine() => throw Refused();
        public override SecureString ReadLineAsSecureString() => throw Refused();
        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw Refused();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw Refused();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw Refused();
        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => throw Refused();

        private static Exception Refused() => new NotSupportedException("The test host cannot prompt.");
    }
}
