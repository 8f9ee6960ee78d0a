<#
.SYNOPSIS
    Turns docs/en-US/<Cmdlet>.md into the MAML file Get-Help reads for a binary module.
.DESCRIPTION
    Prose (synopsis, description, examples, parameter text, inputs, outputs, notes) comes from the
    markdown; parameter facts (type, mandatory, position, pipeline input, aliases, sets) and the
    online link (the cmdlet's HelpUri) come from the built cmdlets themselves, so the help can never
    disagree with the code about them; the NOTES end with the IAM permissions from the module's
    permission table (SecretsTools.Access.PermissionTable). The build fails when a cmdlet's markdown lacks a parameter,
    its INPUTS or its OUTPUTS.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $DocsPath,
    [Parameter(Mandatory)] [string] $OutputFile
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$commonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters

function Split-Sections([string[]] $Lines, [string] $Marker) {
    # Sections keyed by heading text for headings that start with $Marker ('## ' or '### ').
    $sections = [ordered]@{}
    $current = $null
    $inCode = $false
    foreach ($line in $Lines) {
        if ($line -match '^```') { $inCode = -not $inCode }
        if (-not $inCode -and $line.StartsWith($Marker) -and -not $line.StartsWith($Marker + '#')) {
            $current = $line.Substring($Marker.Length).Trim()
            $sections[$current] = [System.Collections.Generic.List[string]]::new()
        }
        elseif ($null -ne $current) { $sections[$current].Add($line) }
    }
    return $sections
}

function Get-Paragraphs([string[]] $Lines) {
    $text = ($Lines -join "`n").Trim()
    if (-not $text) { return @() }
    return @($text -split "\n\s*\n" | ForEach-Object { ($_ -replace '\s*\n\s*', ' ').Trim() } | Where-Object { $_ })
}

function Get-TypeName([type] $Type) {
    # What a user types: SecretStoreKind, not Nullable`1 (an optional enum parameter is nullable).
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { return $underlying.Name }
    return $Type.Name
}

function Get-TypeSections($Top, [string] $Heading, [string] $File) {
    # INPUTS and OUTPUTS: a '### Type' per type, each with its text.
    if (-not $Top.Contains($Heading)) { throw "$File has no '## $Heading' section." }
    $types = Split-Sections $Top[$Heading] '### '
    if ($types.Count -eq 0) { throw "$File, '## $Heading': no '### Type' entry (write '### None' when there is nothing)." }
    foreach ($type in $types.Keys) {
        if (-not (Get-Paragraphs $types[$type])) { throw "$File, '## $Heading', '$type': no text." }
    }
    return $types
}

function Add-TypeList($Writer, [string] $ListElement, [string] $ItemElement, $Types) {
    $Writer.WriteStartElement('command', $ListElement, $command)
    foreach ($type in $Types.Keys) {
        $Writer.WriteStartElement('command', $ItemElement, $command)
        $Writer.WriteStartElement('dev', 'type', $dev); $Writer.WriteElementString('maml', 'name', $maml, $type); $Writer.WriteEndElement()
        $Writer.WriteStartElement('maml', 'description', $maml); Add-Paragraphs $Writer (Get-Paragraphs $Types[$type]); $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Add-Paragraphs($Writer, [string[]] $Paragraphs) {
    foreach ($p in $Paragraphs) { $Writer.WriteElementString('maml', 'para', $maml, $p) }
}

$maml = 'http://schemas.microsoft.com/maml/2004/10'
$command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$dev = 'http://schemas.microsoft.com/maml/dev/2004/10'

Import-Module $ModulePath -Force
$module = Get-Module SecretsTools
$permissionTable = (Get-Command -Module SecretsTools -CommandType Cmdlet | Select-Object -First 1).ImplementingType.Assembly.GetType('SecretsTools.Access.PermissionTable', $true)
$permissionLines = $permissionTable.GetMethod('HelpLines', [System.Reflection.BindingFlags]'Static, Public, NonPublic')
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$writer = [System.Xml.XmlWriter]::Create($OutputFile, $settings)
$writer.WriteStartDocument()
$writer.WriteStartElement('helpItems')
$writer.WriteAttributeString('schema', 'maml')
$writer.WriteAttributeString('xmlns', 'maml', $null, $maml)
$writer.WriteAttributeString('xmlns', 'command', $null, $command)
$writer.WriteAttributeString('xmlns', 'dev', $null, $dev)

foreach ($cmd in $module.ExportedCmdlets.Values | Sort-Object Name) {
    $file = Join-Path $DocsPath "$($cmd.Name).md"
    if (-not (Test-Path $file)) { throw "No help for $($cmd.Name): write $file." }
    $top = Split-Sections (Get-Content $file) '## '
    $synopsis = Get-Paragraphs $top['SYNOPSIS']
    $parameterDocs = Split-Sections $top['PARAMETERS'] '### '
    $exampleDocs = Split-Sections $top['EXAMPLES'] '### '
    $inputDocs = Get-TypeSections $top 'INPUTS' $file
    $outputDocs = Get-TypeSections $top 'OUTPUTS' $file
    if (-not $cmd.HelpUri) { throw "$($cmd.Name) has no HelpUri: Get-Help -Online would offer nothing." }
    $ownParameters = $cmd.Parameters.Values | Where-Object { $_.Name -notin $commonParameters }
    foreach ($p in $ownParameters) {
        if (-not $parameterDocs.Contains("-$($p.Name)")) { throw "$file does not describe -$($p.Name)." }
    }

    $writer.WriteStartElement('command', 'command', $command)
    $writer.WriteStartElement('command', 'details', $command)
    $writer.WriteElementString('command', 'name', $command, $cmd.Name)
    $writer.WriteElementString('command', 'verb', $command, $cmd.Verb)
    $writer.WriteElementString('command', 'noun', $command, $cmd.Noun)
    $writer.WriteStartElement('maml', 'description', $maml); Add-Paragraphs $writer $synopsis; $writer.WriteEndElement()
    $writer.WriteEndElement() # details
    $writer.WriteStartElement('maml', 'description', $maml); Add-Paragraphs $writer (Get-Paragraphs $top['DESCRIPTION']); $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'syntax', $command)
    foreach ($set in $cmd.ParameterSets) {
        $writer.WriteStartElement('command', 'syntaxItem', $command)
        $writer.WriteElementString('maml', 'name', $maml, $cmd.Name)
        foreach ($sp in $set.Parameters | Where-Object { $_.Name -notin $commonParameters }) {
            $writer.WriteStartElement('command', 'parameter', $command)
            $writer.WriteAttributeString('required', "$($sp.IsMandatory)".ToLower())
            $writer.WriteAttributeString('position', $(if ($sp.Position -ge 0) { "$($sp.Position + 1)" } else { 'named' }))
            $writer.WriteElementString('maml', 'name', $maml, $sp.Name)
            if ($sp.ParameterType -ne [System.Management.Automation.SwitchParameter]) {
                $writer.WriteElementString('command', 'parameterValue', $command, (Get-TypeName $sp.ParameterType))
            }
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement() # syntax

    $writer.WriteStartElement('command', 'parameters', $command)
    foreach ($p in $ownParameters | Sort-Object Name) {
        $attributes = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] }
        $mandatory = [bool]($attributes | Where-Object Mandatory)
        $positions = @($attributes | Where-Object { $_.Position -ge 0 } | ForEach-Object { $_.Position + 1 })
        $pipeline = @()
        if ($attributes | Where-Object ValueFromPipeline) { $pipeline += 'ByValue' }
        if ($attributes | Where-Object ValueFromPipelineByPropertyName) { $pipeline += 'ByPropertyName' }
        $writer.WriteStartElement('command', 'parameter', $command)
        $writer.WriteAttributeString('required', "$mandatory".ToLower())
        $writer.WriteAttributeString('position', $(if ($positions) { "$($positions[0])" } else { 'named' }))
        $writer.WriteAttributeString('pipelineInput', $(if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' }))
        $writer.WriteAttributeString('globbing', "$([bool]($p.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }))".ToLower())
        $writer.WriteAttributeString('aliases', $(if ($p.Aliases.Count) { $p.Aliases -join ', ' } else { 'none' }))
        $writer.WriteElementString('maml', 'name', $maml, $p.Name)
        $writer.WriteStartElement('maml', 'description', $maml); Add-Paragraphs $writer (Get-Paragraphs $parameterDocs["-$($p.Name)"]); $writer.WriteEndElement()
        $writer.WriteStartElement('command', 'parameterValue', $command)
        $writer.WriteAttributeString('required', "$($p.ParameterType -ne [System.Management.Automation.SwitchParameter])".ToLower())
        $writer.WriteString((Get-TypeName $p.ParameterType))
        $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement() # parameters

    Add-TypeList $writer 'inputTypes' 'inputType' $inputDocs
    Add-TypeList $writer 'returnValues' 'returnValue' $outputDocs

    # NOTES: the markdown's notes, then the IAM permissions from the module's own permission
    # table (the one New-SecretAccessPolicy uses), so the help cannot drift from the policies.
    # A cmdlet without a table entry fails the build.
    $permissions = @($permissionLines.Invoke($null, @($cmd.Name)))
    $writer.WriteStartElement('maml', 'alertSet', $maml)
    $writer.WriteStartElement('maml', 'alert', $maml)
    if ($top.Contains('NOTES')) { Add-Paragraphs $writer (Get-Paragraphs $top['NOTES']) }
    Add-Paragraphs $writer $permissions
    $writer.WriteEndElement()
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'examples', $command)
    foreach ($title in $exampleDocs.Keys) {
        $body = ($exampleDocs[$title] -join "`n")
        if ($body -notmatch '(?s)```[a-z]*\n(.*?)\n```(.*)') { throw "$file, '$title': no code block." }
        $writer.WriteStartElement('command', 'example', $command)
        $writer.WriteElementString('maml', 'title', $maml, "---------- $title ----------")
        $writer.WriteElementString('dev', 'code', $dev, $Matches[1])
        $writer.WriteStartElement('dev', 'remarks', $dev); Add-Paragraphs $writer (Get-Paragraphs ($Matches[2] -split "`n")); $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement() # examples

    $writer.WriteStartElement('command', 'relatedLinks', $command)
    $writer.WriteStartElement('maml', 'navigationLink', $maml)
    $writer.WriteElementString('maml', 'linkText', $maml, 'Online Version:')
    $writer.WriteElementString('maml', 'uri', $maml, $cmd.HelpUri)
    $writer.WriteEndElement()
    foreach ($link in @($top['RELATED LINKS']) | Where-Object { $_ -match '^\s*-\s*(.+)$' } | ForEach-Object { $Matches[1].Trim() }) {
        $writer.WriteStartElement('maml', 'navigationLink', $maml); $writer.WriteElementString('maml', 'linkText', $maml, $link); $writer.WriteEndElement()
    }
    $writer.WriteEndElement()
    $writer.WriteEndElement() # command
}
$writer.WriteEndElement()
$writer.WriteEndDocument()
$writer.Dispose()
Write-Host "Wrote help for $($module.ExportedCmdlets.Count) cmdlets to $(Split-Path $OutputFile -Leaf)"
