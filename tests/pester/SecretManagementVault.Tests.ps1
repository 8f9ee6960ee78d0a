# The SecretsTools.Extension vault, called exactly the way Microsoft.PowerShell.SecretManagement 1.1
# calls an extension (SecretManagement itself is not available from this project's package source):
# Register-SecretVault's check of the nested module, and every call through its RunCommandScript in
# a separate runspace ("& $module 'SecretsTools.Extension\Get-Secret' @Params") with VaultParameters
# that went through the registry's JSON (integers come back as Int64) plus the reserved Verbose
# entry, and the same expectations of what each function returns. SecretInformation and SecretType
# are test-only stand-ins written from the published contract (Utils.cs of SecretManagement 1.1).

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Endpoint = Initialize-SecretsToolsTest
    $script:ModuleDir = Join-Path $script:RepoRoot 'out/SecretsTools'

    if (-not ('Microsoft.PowerShell.SecretManagement.SecretInformation' -as [type])) {
        Add-Type -TypeDefinition @'
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
namespace Microsoft.PowerShell.SecretManagement
{
    public enum SecretType { Unknown = 0, ByteArray, String, SecureString, PSCredential, Hashtable }
    public sealed class SecretInformation
    {
        public string Name { get; }
        public SecretType Type { get; }
        public string VaultName { get; }
        public ReadOnlyDictionary<string, object> Metadata { get; }
        public SecretInformation(string name, SecretType type, string vaultName) { Name = name; Type = type; VaultName = vaultName; }
        public SecretInformation(string name, SecretType type, string vaultName, ReadOnlyDictionary<string, object> metadata) : this(name, type, vaultName) { Metadata = metadata; }
        public SecretInformation(string name, SecretType type, string vaultName, Hashtable metadata) : this(name, type, vaultName)
        {
            if (metadata == null) return;
            var d = new Dictionary<string, object>(metadata.Count);
            foreach (var key in metadata.Keys) d.Add((string)key, metadata[key]);
            Metadata = new ReadOnlyDictionary<string, object>(d);
        }
    }
}
'@
    }

    # SecretManagement's RunCommandScript (1.1), the same text in substance.
    $script:RunCommandScript = {
        param([string] $ModuleName, [string] $ModulePath, [string] $ImplementingModuleName, [string] $Command, [hashtable] $Params)
        $verboseEnabled = $Params.AdditionalParameters.ContainsKey('Verbose') -and ($Params.AdditionalParameters['Verbose'] -eq $true)
        $module = Get-Module -Name $ModuleName -ErrorAction Ignore
        if ($null -eq $module) { $module = Import-Module -Name $ModulePath -PassThru }
        if ($null -eq $module) { return }
        Write-Verbose "Invoking command $Command on module $ImplementingModuleName" -Verbose:$verboseEnabled
        & $module "$ImplementingModuleName\$Command" @Params
    }.ToString()

    # One runspace for every call, as SecretManagement keeps one; it imports SecretsTools by path.
    $script:Runspace = [runspacefactory]::CreateRunspace()
    $script:Runspace.Open()

    function ConvertTo-RegistryParameters([hashtable] $VaultParameters) {
        # What Register-SecretVault writes to its JSON registry and reads back for every call.
        $back = if ($VaultParameters.Count) { $VaultParameters | ConvertTo-Json -Depth 10 | ConvertFrom-Json -AsHashtable } else { @{} }
        $back['Verbose'] = $false
        return $back
    }

    function Invoke-Vault {
        # One contract call; returns Output (the objects as SecretManagement receives them) and Errors.
        param([string] $Command, [hashtable] $Params, [hashtable] $VaultParameters = $script:Vault)
        $Params = $Params.Clone()
        $Params['AdditionalParameters'] = ConvertTo-RegistryParameters $VaultParameters
        if (-not $Params.ContainsKey('VaultName')) { $Params['VaultName'] = 'aws-test' }
        $ps = [powershell]::Create()
        $ps.Runspace = $script:Runspace
        try {
            $null = $ps.AddScript($script:RunCommandScript).AddArgument('SecretsTools').AddArgument($script:ModuleDir).
                AddArgument('SecretsTools.Extension').AddArgument($Command).AddArgument($Params)
            $output = $ps.Invoke()
            # Unwrapped without enumerating: a byte[] or Hashtable stays the one object it was written as.
            $objects = [System.Collections.Generic.List[object]]::new()
            foreach ($o in $output) { $objects.Add($o.psobject.BaseObject) }
            return [pscustomobject]@{ Output = $objects.ToArray(); Errors = @($ps.Streams.Error) }
        } finally { $ps.Dispose() }
    }

    function Get-VaultSecret([string] $Name, [hashtable] $VaultParameters = $script:Vault) {
        # InvokeGetSecret's handling: bytes re-wrapped into byte[], only the five types accepted.
        $r = Invoke-Vault Get-Secret @{ Name = $Name } $VaultParameters
        $r.Errors | Should -BeNullOrEmpty
        if ($r.Output.Count -eq 0) { return $null }
        $value = $r.Output[0]
        if ($value -is [byte]) { $value = [byte[]]$r.Output }
        ($value -is [string] -or $value -is [securestring] -or $value -is [byte[]] -or $value -is [pscredential] -or $value -is [hashtable]) |
            Should -BeTrue -Because "SecretManagement refuses a $($value.GetType())"
        , $value
    }

    function Get-VaultInfo([string] $Filter, [hashtable] $VaultParameters = $script:Vault) {
        # InvokeGetSecretInfo casts every result to SecretInformation.
        $r = Invoke-Vault Get-SecretInfo @{ Filter = $Filter } $VaultParameters
        $r.Errors | Should -BeNullOrEmpty
        foreach ($o in $r.Output) { $o | Should -BeOfType ([Microsoft.PowerShell.SecretManagement.SecretInformation]) }
        return $r.Output
    }

    function Set-VaultSecret([string] $Name, $Secret, [hashtable] $Metadata = @{}, [hashtable] $VaultParameters = $script:Vault) {
        # Set-Secret has -Metadata, so SecretManagement always passes one (an empty one when none was given).
        $r = Invoke-Vault Set-Secret @{ Name = $Name; Secret = $Secret; Metadata = $Metadata } $VaultParameters
        $r.Errors | Should -BeNullOrEmpty
    }

    function Get-Calls([string] $Service, [string] $Operation) { [SecretsTools.Diagnostics.ApiCallCounter]::Get($Service, $Operation) }

    $script:SmPrefix = "$(New-TestName 'vault')/"
    $script:PsPath = "/$(New-TestName 'vault')/prod"
    $script:Vault = @{ Store = 'SecretsManager'; Region = 'us-east-1'; EndpointUrl = $script:Endpoint; Prefix = $script:SmPrefix; Tags = @{ owner = 'team-a' } }
    $script:PsVault = @{ Store = 'ParameterStore'; Region = 'us-east-1'; EndpointUrl = $script:Endpoint; Path = $script:PsPath }
}

AfterAll {
    if ($script:Runspace) { $script:Runspace.Dispose() }
}

Describe 'Register-SecretVault finds the extension' {
    It 'has a SecretsTools.Extension module beside the manifest that exports the contract with its parameters' {
        # CheckForImplementingModule: Import-Module <ModuleDir>/SecretsTools.Extension -Force -PassThru.
        $ext = Import-Module (Join-Path $script:ModuleDir 'SecretsTools.Extension') -Force -PassThru
        try {
            foreach ($f in 'Get-Secret', 'Set-Secret', 'Remove-Secret', 'Get-SecretInfo', 'Test-SecretVault', 'Set-SecretInfo', 'Unregister-SecretVault') {
                $ext.ExportedCommands.Keys | Should -Contain $f
                $ext.ExportedCommands[$f].Parameters.Keys | Should -Contain 'VaultName'
                $ext.ExportedCommands[$f].Parameters.Keys | Should -Contain 'AdditionalParameters'
            }
            $ext.ExportedCommands['Get-Secret'].Parameters.Keys | Should -Contain 'Name'
            $ext.ExportedCommands['Set-Secret'].Parameters.Keys | Should -Contain 'Secret'
            $ext.ExportedCommands['Set-Secret'].Parameters.Keys | Should -Contain 'Metadata' # SetSecretSupportsMetadata
            $ext.ExportedCommands['Get-SecretInfo'].Parameters.Keys | Should -Contain 'Filter'
        } finally { Remove-Module $ext -Force }
    }

    It 'does not add the extension functions to what SecretsTools exports' {
        $module = Get-Module SecretsTools
        $module.ExportedFunctions.Count | Should -Be 0
        (Get-Command Get-Secret -Module SecretsTools).CommandType | Should -Be 'Cmdlet'
    }
}

Describe 'Secrets Manager vault: values' {
    It 'round-trips <Kind>' -ForEach @(
        @{ Kind = 'string' }, @{ Kind = 'SecureString' }, @{ Kind = 'byte[]' }, @{ Kind = 'PSCredential' }, @{ Kind = 'Hashtable' }
    ) {
        $name = New-TestName 'v'
        $secret = switch ($Kind) {
            'string' { '{"looks":"like json"}' } # a string stays a string, even when it is JSON
            'SecureString' { ConvertTo-SecureString 'sêcret-ss' -AsPlainText -Force }
            'byte[]' { , [byte[]](0, 1, 2, 254, 255) }
            'PSCredential' { [pscredential]::new('alice', (ConvertTo-SecureString 'pw-cred' -AsPlainText -Force)) }
            'Hashtable' { @{ user = 'bob'; port = 5432; on = $true; pw = (ConvertTo-SecureString 'inner' -AsPlainText -Force) } }
        }
        Set-VaultSecret $name $secret
        $back = Get-VaultSecret $name
        switch ($Kind) {
            'string' { $back | Should -BeOfType string; $back | Should -BeExactly '{"looks":"like json"}' }
            'SecureString' { $back | Should -BeOfType securestring; ConvertTo-PlainText $back | Should -BeExactly 'sêcret-ss' }
            'byte[]' { $back.GetType() | Should -Be ([byte[]]); $back | Should -Be ([byte[]](0, 1, 2, 254, 255)) }
            'PSCredential' { $back | Should -BeOfType pscredential; $back.UserName | Should -Be 'alice'; $back.GetNetworkCredential().Password | Should -BeExactly 'pw-cred' }
            'Hashtable' {
                $back | Should -BeOfType hashtable; $back.user | Should -Be 'bob'; $back.port | Should -Be 5432; $back.on | Should -BeTrue
                $back.pw | Should -BeExactly 'inner' # JSON holds no SecureString: an inner one comes back as text
            }
        }
        # Stored as other tools would write it: no wrapper of ours.
        $raw = Get-SmValueFromServer "$script:SmPrefix$name"
        switch ($Kind) {
            'string' { $raw.SecretString | Should -BeExactly '{"looks":"like json"}' }
            'byte[]' { [Convert]::FromBase64String($raw.SecretBinary) | Should -Be ([byte[]](0, 1, 2, 254, 255)) }
            'PSCredential' { ($raw.SecretString | ConvertFrom-Json).username | Should -Be 'alice' }
            'Hashtable' { ($raw.SecretString | ConvertFrom-Json).user | Should -Be 'bob' }
        }
        $expectedType = @{ 'string' = 'String'; 'SecureString' = 'SecureString'; 'byte[]' = 'ByteArray'; 'PSCredential' = 'PSCredential'; 'Hashtable' = 'Hashtable' }[$Kind]
        (Get-VaultInfo $name).Type | Should -Be $expectedType
    }

    It 'reads values other tools made as what they are: plain text, console key-value JSON, binary' {
        $plain = New-TestName 'p'; $kv = New-TestName 'k'; $bin = New-TestName 'b'
        $null = Invoke-AwsApi secretsmanager CreateSecret @{ Name = "$script:SmPrefix$plain"; SecretString = 'just text' }
        $null = Invoke-AwsApi secretsmanager CreateSecret @{ Name = "$script:SmPrefix$kv"; SecretString = '{"username":"u1","password":"p1"}' }
        $null = Invoke-AwsApi secretsmanager CreateSecret @{ Name = "$script:SmPrefix$bin"; SecretBinary = [Convert]::ToBase64String([byte[]](9, 8, 7)) }
        Get-VaultSecret $plain | Should -BeExactly 'just text'
        $h = Get-VaultSecret $kv
        $h | Should -BeOfType hashtable
        $h.username | Should -Be 'u1'
        (Get-VaultSecret $bin) | Should -Be ([byte[]](9, 8, 7))
        (Get-VaultInfo $plain).Type | Should -Be 'Unknown' # no tag, and a listing reads no value to infer from
    }

    It 'returns nothing and writes no error for a secret that does not exist (SecretManagement reports it)' {
        $r = Invoke-Vault Get-Secret @{ Name = 'nope-' + (New-TestName) }
        $r.Output | Should -BeNullOrEmpty
        $r.Errors | Should -BeNullOrEmpty
    }

    It 'refuses an unsupported value type with UnsupportedSecretType and writes nothing' {
        $name = New-TestName 'u'
        $r = Invoke-Vault Set-Secret @{ Name = $name; Secret = [datetime]::Now; Metadata = @{} }
        Get-ErrorIds $r.Errors | Should -Be 'UnsupportedSecretType'
        Get-SmSecretFromServer "$script:SmPrefix$name" | Should -BeNullOrEmpty
    }

    It 'updates an existing secret, including its type' {
        $name = New-TestName 'up'
        Set-VaultSecret $name 'first'
        Set-VaultSecret $name @{ a = '1' }
        (Get-VaultSecret $name).a | Should -Be '1'
        (Get-VaultInfo $name).Type | Should -Be 'Hashtable'
    }

    It 'removes a secret, and writes SecretNotFound for one that is not there' {
        $name = New-TestName 'rm'
        Set-VaultSecret $name 'bye'
        $r = Invoke-Vault Remove-Secret @{ Name = $name }
        $r.Errors | Should -BeNullOrEmpty
        $r.Output | Should -Be $true
        Get-VaultSecret $name | Should -BeNullOrEmpty
        Get-VaultInfo $name | Should -BeNullOrEmpty
        $missing = Invoke-Vault Remove-Secret @{ Name = 'gone-' + (New-TestName) }
        Get-ErrorIds $missing.Errors | Should -Be 'SecretNotFound'
    }
}

Describe 'Secrets Manager vault: metadata' {
    It 'keeps string, int and DateTime metadata as tags with their types, through Set-Secret and Set-SecretInfo' {
        $name = New-TestName 'm'
        $when = [datetime]::new(2026, 3, 4, 5, 6, 7, [DateTimeKind]::Utc)
        Set-VaultSecret $name 'x' -Metadata @{ env = 'prod'; retries = 3; expires = $when }
        $info = Get-VaultInfo $name
        $info.Metadata['env'] | Should -BeExactly 'prod'
        $info.Metadata['retries'] | Should -Be 3
        $info.Metadata['retries'] | Should -BeOfType int
        $info.Metadata['expires'] | Should -BeOfType datetime
        $info.Metadata['expires'].ToUniversalTime() | Should -Be $when
        $info.Metadata.Keys | Should -Not -Contain 'SecretManagementType'
        $info.Metadata.Keys | Should -Not -Contain 'owner' # the vault's default tag is the vault's, not the secret's metadata
        # Plain tags for every other tool.
        $tags = @{}; (Get-SmSecretFromServer "$script:SmPrefix$name").Tags | ForEach-Object { $tags[$_.Key] = $_.Value }
        $tags['env'] | Should -Be 'prod'; $tags['retries'] | Should -Be '3'; $tags['owner'] | Should -Be 'team-a'
        $tags['SecretManagementType'] | Should -Be 'String'

        $r = Invoke-Vault Set-SecretInfo @{ Name = $name; Metadata = @{ retries = [long]5; note = 'n' } }
        $r.Errors | Should -BeNullOrEmpty
        $info = Get-VaultInfo $name
        $info.Metadata['retries'] | Should -Be 5
        $info.Metadata['retries'] | Should -BeOfType long
        $info.Metadata['expires'] | Should -BeOfType datetime # kept from before
        $info.Metadata['note'] | Should -Be 'n'
        Get-VaultSecret $name | Should -BeExactly 'x' # metadata changes do not touch the value
    }

    It 'refuses metadata AWS would refuse, with InvalidTag, and writes nothing: <Why>' -ForEach @(
        @{ Why = 'aws: prefix'; Metadata = @{ 'aws:x' = 'v' } }
        @{ Why = 'characters'; Metadata = @{ 'semi;colon' = 'v' } }
        @{ Why = 'value too long'; Metadata = @{ k = 'v' * 257 } }
        @{ Why = 'reserved key'; Metadata = @{ SecretManagementType = 'String' } }
        @{ Why = 'unsupported type'; Metadata = @{ k = [guid]::NewGuid() } }
    ) {
        $name = New-TestName 'bad'
        $r = Invoke-Vault Set-Secret @{ Name = $name; Secret = 'v'; Metadata = $Metadata }
        Get-ErrorIds $r.Errors | Should -Be 'InvalidTag'
        $r.Errors[0].Exception.Message | Should -Match 'metadata|tag'
        Get-SmSecretFromServer "$script:SmPrefix$name" | Should -BeNullOrEmpty
    }

    It 'counts the tags already on the secret against the limit of 50, and writes nothing over it' {
        $name = New-TestName 'full'
        $tags = @{}; 1..46 | ForEach-Object { $tags["k$_"] = 'v' }
        Set-Secret "sm:$script:SmPrefix$name" -Secret 'before' -Tag $tags -Confirm:$false
        $metadata = @{ a = '1'; b = '2'; c = '3'; d = '4' } # 46 + 4 + the type tag = 51
        $r = Invoke-Vault Set-Secret @{ Name = $name; Secret = 'after'; Metadata = $metadata }
        Get-ErrorIds $r.Errors | Should -Be 'TagLimitExceeded'
        $r = Invoke-Vault Set-SecretInfo @{ Name = $name; Metadata = @{ a = '1'; b = '2'; c = '3'; d = '4'; e = '5' } }
        Get-ErrorIds $r.Errors | Should -Be 'TagLimitExceeded'
        (Get-SmValueFromServer "$script:SmPrefix$name").SecretString | Should -BeExactly 'before'
        (Get-SmSecretFromServer "$script:SmPrefix$name").Tags.Count | Should -Be 46
    }

    It 'Set-SecretInfo on a missing secret writes SecretNotFound' {
        $r = Invoke-Vault Set-SecretInfo @{ Name = 'none-' + (New-TestName); Metadata = @{ a = 'b' } }
        Get-ErrorIds $r.Errors | Should -Be 'SecretNotFound'
    }
}

Describe 'Secrets Manager vault: cheap calls and wildcards' {
    BeforeAll {
        $script:Group = New-TestName 'grp'
        foreach ($n in 'one', 'two', 'three') { Set-VaultSecret "$script:Group-$n" "value-$n" }
        Set-VaultSecret "other-$script:Group" 'o'
    }

    It 'an exact Get-SecretInfo -Filter costs one DescribeSecret and reads no value' {
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $info = Get-VaultInfo "$script:Group-two"
        $info.Name | Should -Be "$script:Group-two"
        $info.VaultName | Should -Be 'aws-test'
        $info.Type | Should -Be 'String'
        Get-Calls SecretsManager DescribeSecret | Should -Be 1
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 1
    }

    It 'a wildcard filter is one ListSecrets with the prefix sent to the server, and reads no value' {
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $infos = Get-VaultInfo "$script:Group-*"
        @($infos.Name | Sort-Object) | Should -Be @("$script:Group-one", "$script:Group-three", "$script:Group-two")
        Get-Calls SecretsManager ListSecrets | Should -Be 1
        Get-Calls SecretsManager GetSecretValue | Should -Be 0
        Get-Calls SecretsManager BatchGetSecretValue | Should -Be 0
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 1
    }

    It 'no filter lists the vault (its prefix) only, with names relative to it' {
        $all = Get-VaultInfo ''
        $all.Name | Should -Contain "other-$script:Group"
        $all.Name | Should -Contain "$script:Group-one"
        $all.Name | ForEach-Object { $_ | Should -Not -Match ([regex]::Escape($script:SmPrefix)) }
    }

    It 'Get-Secret is one DescribeSecret (for the type) and one GetSecretValue' {
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        Get-VaultSecret "$script:Group-one" | Should -BeExactly 'value-one'
        Get-Calls SecretsManager DescribeSecret | Should -Be 1
        Get-Calls SecretsManager GetSecretValue | Should -Be 1
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 2
    }
}

Describe 'Parameter Store vault' {
    It 'round-trips <Kind> as a SecureString parameter under the path' -ForEach @(
        @{ Kind = 'string' }, @{ Kind = 'SecureString' }, @{ Kind = 'byte[]' }, @{ Kind = 'PSCredential' }, @{ Kind = 'Hashtable' }
    ) {
        $name = New-TestName 'ps'
        $secret = switch ($Kind) {
            'string' { 'plain-ps' }
            'SecureString' { ConvertTo-SecureString 'ss-ps' -AsPlainText -Force }
            'byte[]' { , [byte[]](1, 2, 3) }
            'PSCredential' { [pscredential]::new('carol', (ConvertTo-SecureString 'pw-ps' -AsPlainText -Force)) }
            'Hashtable' { @{ k = 'v' } }
        }
        Set-VaultSecret $name $secret -VaultParameters $script:PsVault
        $back = Get-VaultSecret $name $script:PsVault
        switch ($Kind) {
            'string' { $back | Should -BeExactly 'plain-ps' }
            'SecureString' { ConvertTo-PlainText $back | Should -BeExactly 'ss-ps' }
            'byte[]' { $back | Should -Be ([byte[]](1, 2, 3)) }
            'PSCredential' { $back.UserName | Should -Be 'carol'; $back.GetNetworkCredential().Password | Should -Be 'pw-ps' }
            'Hashtable' { $back.k | Should -Be 'v' }
        }
        $p = (Get-SsmParameterFromServer "$script:PsPath/$name")["$script:PsPath/$name"]
        $p.Type | Should -Be 'SecureString'
    }

    It 'reads a parameter another tool made, and keeps metadata through Set-SecretInfo' {
        $name = New-TestName 'pso'
        $null = Invoke-AwsApi ssm PutParameter @{ Name = "$script:PsPath/$name"; Value = 'from-cli'; Type = 'String' }
        Get-VaultSecret $name $script:PsVault | Should -BeExactly 'from-cli'
        $r = Invoke-Vault Set-SecretInfo @{ Name = $name; Metadata = @{ n = 7 } } $script:PsVault
        $r.Errors | Should -BeNullOrEmpty
        $info = Get-VaultInfo $name $script:PsVault
        $info.Metadata['n'] | Should -Be 7
        $info.Metadata['n'] | Should -BeOfType int
    }

    It 'an exact filter is one ListTagsForResource; a wildcard one DescribeParameters page, no value read' {
        $g = New-TestName 'pg'
        Set-VaultSecret "$g-a" 'a' -VaultParameters $script:PsVault -Metadata @{ team = 'ops'; build = 7 }
        Set-VaultSecret "$g-b" 'b' -VaultParameters $script:PsVault
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $info = Get-VaultInfo "$g-a" $script:PsVault
        $info.Name | Should -Be "$g-a"
        $info.Type | Should -Be 'String'
        $info.Metadata['team'] | Should -BeExactly 'ops'
        $info.Metadata['build'] | Should -Be 7
        # The type and the metadata live in tags, and the tag call alone also says the parameter exists.
        Get-Calls SSM ListTagsForResource | Should -Be 1
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 1
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        Get-VaultInfo "$g-missing" $script:PsVault | Should -BeNullOrEmpty
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 1
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        Get-VaultSecret "$g-a" -VaultParameters $script:PsVault | Should -BeExactly 'a'
        Get-Calls SSM ListTagsForResource | Should -Be 1
        Get-Calls SSM GetParameters | Should -Be 1
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 2
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        @((Get-VaultInfo "$g-*" $script:PsVault).Name | Sort-Object) | Should -Be @("$g-a", "$g-b")
        Get-Calls SSM DescribeParameters | Should -Be 1
        Get-Calls SSM GetParameter | Should -Be 0
        Get-Calls SSM GetParameters | Should -Be 0
        Get-Calls SSM GetParametersByPath | Should -Be 0
        Get-Calls SSM ListTagsForResource | Should -Be 2 # one per match: tags are not in the listing
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 3
    }

    It 'removes a parameter' {
        $name = New-TestName 'psr'
        Set-VaultSecret $name 'x' -VaultParameters $script:PsVault
        (Invoke-Vault Remove-Secret @{ Name = $name } $script:PsVault).Errors | Should -BeNullOrEmpty
        (Get-SsmParameterFromServer "$script:PsPath/$name").Count | Should -Be 0
    }
}

Describe 'Vault parameters and Test-SecretVault' {
    It 'Test-SecretVault returns $true with one read-only call on each store' {
        foreach ($vault in $script:Vault, $script:PsVault) {
            [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
            $r = Invoke-Vault Test-SecretVault @{} $vault
            $r.Errors | Should -BeNullOrEmpty
            $r.Output | Should -Be @($true)
            [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 1
        }
    }

    It 'Test-SecretVault writes AccessDenied when AWS refuses the call, not just $false' {
        # moto accepts any credentials, so a small HTTP server answers as AWS does to a caller
        # without permission (400 AccessDeniedException); the call still goes through our real stack.
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0); $probe.Start()
        $port = $probe.LocalEndpoint.Port; $probe.Stop()
        $listener = [System.Net.HttpListener]::new(); $listener.Prefixes.Add("http://127.0.0.1:$port/"); $listener.Start()
        $server = [powershell]::Create().AddScript({
            param($listener)
            while ($listener.IsListening) {
                try { $context = $listener.GetContext() } catch { break }
                $body = [Text.Encoding]::UTF8.GetBytes('{"__type":"AccessDeniedException","message":"User is not authorized to perform: secretsmanager:DescribeSecret"}')
                $context.Response.StatusCode = 400
                $context.Response.ContentType = 'application/x-amz-json-1.1'
                $context.Response.Headers.Add('x-amzn-RequestId', 'denied-1')
                $context.Response.OutputStream.Write($body, 0, $body.Length)
                $context.Response.Close()
            }
        }).AddArgument($listener)
        $handle = $server.BeginInvoke()
        try {
            $vault = $script:Vault.Clone(); $vault.EndpointUrl = "http://127.0.0.1:$port"
            $r = Invoke-Vault Test-SecretVault @{} $vault
        } finally { $listener.Stop(); $listener.Close(); $null = $handle.AsyncWaitHandle.WaitOne(5000); $server.Dispose() }
        $r.Output | Should -Be @($false)
        Get-ErrorIds $r.Errors | Should -Be 'AccessDenied'
        ($r.Errors[0].ErrorDetails.Message + $r.Errors[0].Exception.Message) | Should -Match 'not authorized|denied'
    }

    It 'Test-SecretVault writes AwsConfigurationError for a profile that does not exist' {
        $vault = $script:Vault.Clone(); $vault.ProfileName = 'no-such-profile-' + (New-TestName)
        $r = Invoke-Vault Test-SecretVault @{} $vault
        $r.Output | Should -Be @($false)
        Get-ErrorIds $r.Errors | Should -Be 'AwsConfigurationError'
        $r.Errors[0].ErrorDetails.Message | Should -Match ([regex]::Escape($vault.ProfileName))
    }

    It 'Test-SecretVault writes AwsConfigurationError naming the Region when there is none' {
        # The SDK reads the region variables once per process, so this runs in a fresh pwsh; without
        # an endpoint either (an endpoint lets the SDK do without a region), so the client cannot be
        # built and no call is made.
        $modulePath = Join-Path $script:ModuleDir 'SecretsTools.psd1'
        $child = "Import-Module '$modulePath'; `$ok = & (Get-Module SecretsTools) 'SecretsTools.Extension\Test-SecretVault' -VaultName v -AdditionalParameters @{ Store = 'SecretsManager'; Verbose = `$false } 2>&1 | Tee-Object -Variable all | Where-Object { `$_ -is [bool] }; `$e = @(`$all | Where-Object { `$_ -is [System.Management.Automation.ErrorRecord] }); @{ Ok = `$ok; Ids = @(`$e | ForEach-Object FullyQualifiedErrorId); Text = (`$e | ForEach-Object { `$_.ErrorDetails.Message }) -join ' ' } | ConvertTo-Json -Compress"
        $saved = $env:AWS_REGION, $env:AWS_DEFAULT_REGION, $env:AWS_ENDPOINT_URL
        try {
            Remove-Item Env:AWS_REGION, Env:AWS_DEFAULT_REGION, Env:AWS_ENDPOINT_URL
            $json = & dotnet pwsh -NoProfile -NonInteractive -Command $child | Select-Object -Last 1
        } finally { $env:AWS_REGION, $env:AWS_DEFAULT_REGION, $env:AWS_ENDPOINT_URL = $saved }
        $result = $json | ConvertFrom-Json
        @($result.Ids).Count | Should -Be 1
        $result.Ok | Should -BeFalse
        ($result.Ids -split ',')[0] | Should -Be 'AwsConfigurationError'
        $result.Text | Should -Match 'Region'
    }

    It 'refuses unknown or mismatched vault parameters with InvalidVaultParameter: <Why>' -ForEach @(
        @{ Why = 'typo'; Extra = @{ Profile = 'x' } }
        @{ Why = 'bad store'; Extra = @{ Store = 'KeyVault' } }
        @{ Why = 'Path on Secrets Manager'; Extra = @{ Path = '/a' } }
    ) {
        $vault = $script:Vault.Clone(); foreach ($k in $Extra.Keys) { $vault[$k] = $Extra[$k] }
        $r = Invoke-Vault Test-SecretVault @{} $vault
        $r.Output | Should -Be @($false)
        Get-ErrorIds $r.Errors | Should -Be 'InvalidVaultParameter'
    }

    It 'KmsKeyId and the default Tags reach the store' {
        $vault = $script:PsVault.Clone(); $vault.KmsKeyId = 'alias/aws/ssm'; $vault.Tags = @{ team = 'b'; cost = 42 }
        $name = New-TestName 'kms'
        Set-VaultSecret $name 'k' -VaultParameters $vault
        $described = Invoke-AwsApi ssm DescribeParameters @{ ParameterFilters = @(@{ Key = 'Name'; Values = @("$script:PsPath/$name") }) }
        $described.Parameters[0].KeyId | Should -Match 'alias/aws/ssm'
        $tags = (Invoke-AwsApi ssm ListTagsForResource @{ ResourceType = 'Parameter'; ResourceId = "$script:PsPath/$name" }).TagList
        ($tags | Where-Object Key -EQ 'cost').Value | Should -Be '42' # an Int64 after the registry's JSON
    }

    It 'Unregister-SecretVault runs and changes nothing' {
        $r = Invoke-Vault Unregister-SecretVault @{}
        $r.Errors | Should -BeNullOrEmpty
    }

    It 'never puts a value in verbose, warning or error records' {
        $name = New-TestName 'leak'
        $sentinel = 'SENTINEL-' + (New-TestName)
        Set-VaultSecret $name (ConvertTo-SecureString $sentinel -AsPlainText -Force)
        $vault = $script:Vault.Clone(); $vault.Verbose = $true
        $ps = [powershell]::Create(); $ps.Runspace = $script:Runspace
        $params = @{ Name = $name; VaultName = 'aws-test'; AdditionalParameters = (ConvertTo-RegistryParameters $script:Vault) }
        $params.AdditionalParameters.Verbose = $true
        $null = $ps.AddScript($script:RunCommandScript).AddArgument('SecretsTools').AddArgument($script:ModuleDir).AddArgument('SecretsTools.Extension').AddArgument('Get-Secret').AddArgument($params)
        $value = $ps.Invoke()
        ConvertTo-PlainText $value[0].psobject.BaseObject | Should -BeExactly $sentinel # the read happened
        @($ps.Streams.Verbose).Count | Should -BeGreaterThan 1 # SecretManagement's line and ours
        ($ps.Streams.Verbose | Out-String) | Should -Match ([regex]::Escape("Get-Secret '$name'"))
        $text = (@($ps.Streams.Verbose) + @($ps.Streams.Warning) + @($ps.Streams.Error) + @($ps.Streams.Information) | Out-String)
        $ps.Dispose()
        $text | Should -Not -Match $sentinel
    }
}
