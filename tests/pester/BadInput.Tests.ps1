# Bad input, table-driven: every case must give exactly the ErrorId it names, on the target it
# names (ErrorRecord.TargetObject), and send no write call (ApiCallCounter, on the wire). A few
# server checks at the end prove nothing under the test's names exists. In the names below, %n%
# is the test's unique stem.
BeforeDiscovery {
    $script:Cases = @(
        # --- names: control characters anywhere, with every prefix, in every cmdlet ----------
        @{ Case = 'SM name with a trailing newline'; Run = { param($n) Set-Secret "$n-nl`n" -Secret 'v' }; ErrorId = 'InvalidSecretName'; Target = "%n%-nl`n" }
        @{ Case = 'ssm: name with a trailing newline is not trimmed'; Run = { param($n) Set-Secret "ssm:/$n/nl`n" -Secret 'v' }; ErrorId = 'InvalidSecretName'; Target = "ssm:/%n%/nl`n" }
        @{ Case = 'sm: name with a tab inside'; Run = { param($n) Set-Secret "sm:$n`tx" -Secret 'v' }; ErrorId = 'InvalidSecretName'; Target = "sm:%n%`tx" }
        @{ Case = 'name with a carriage return, -Store ParameterStore'; Run = { param($n) Set-Secret "/$n/cr`r" -Store ParameterStore -Secret 'v' }; ErrorId = 'InvalidSecretName'; Target = "/%n%/cr`r" }
        @{ Case = 'ARN with a newline'; Run = { param($n) Set-Secret "arn:aws:secretsmanager:us-east-1:123456789012:secret:$n-abcdef`n" -Secret 'v' }; ErrorId = 'InvalidSecretName'; Target = "arn:aws:secretsmanager:us-east-1:123456789012:secret:%n%-abcdef`n" }
        @{ Case = 'NUL in a name'; Run = { param($n) Set-Secret "ssm:/$n/a$([char]0)b" -Secret 'v' }; ErrorId = 'InvalidSecretName'; Target = "ssm:/%n%/a$([char]0)b" }
        @{ Case = 'PS name with a space'; Run = { param($n) Set-Secret "ssm:/$n/a b" -Secret 'v' }; ErrorId = 'InvalidSecretName'; Target = '/%n%/a b' }
        @{ Case = 'PS name under /aws'; Run = { param($n) Set-Secret "ssm:/aws/$n" -Secret 'v' }; ErrorId = 'InvalidSecretName'; Target = '/aws/%n%' }
        @{ Case = 'PS name of 16 levels'; Run = { param($n) Set-Secret ("ssm:/$n" + ('/l' * 15)) -Secret 'v' }; ErrorId = 'InvalidSecretName'; Target = ('/%n%' + ('/l' * 15)) }
        @{ Case = 'PS name with an empty segment'; Run = { param($n) Set-Secret "ssm:/$n//x" -Secret 'v' }; ErrorId = 'InvalidSecretName'; Target = '/%n%//x' }
        @{ Case = 'SM name with a character SM refuses'; Run = { param($n) Set-Secret "sm:$n!x" -Secret 'v' }; ErrorId = 'InvalidSecretName'; Target = '%n%!x' }
        @{ Case = 'SM name of 513 characters'; Run = { param($n) Set-Secret ("sm:$n" + ('x' * 513)) -Secret 'v' }; ErrorId = 'InvalidSecretName'; Target = ('%n%' + ('x' * 513)) }
        @{ Case = 'unknown store prefix'; Run = { param($n) Set-Secret "vault:$n" -Secret 'v' }; ErrorId = 'UnknownStorePrefix'; Target = 'vault:%n%' }
        @{ Case = 'name ending in #'; Run = { param($n) Set-Secret "$n#" -Secret 'v' }; ErrorId = 'InvalidSecretReference'; Target = '%n%#' }
        @{ Case = 'version selector on a write'; Run = { param($n) Set-Secret "ssm:/$n/x:3" -Secret 'v' }; ErrorId = 'SelectorNotAllowed'; Target = 'ssm:/%n%/x:3' }
        @{ Case = 'prefix and -Store disagree'; Run = { param($n) Set-Secret "ssm:/$n/x" -Store SecretsManager -Secret 'v' }; ErrorId = 'InvalidParameterCombination'; Target = 'ssm:/%n%/x' }
        @{ Case = 'Get-Secret ssm: name with a newline'; Run = { param($n) Get-Secret "ssm:/$n/x`n" }; ErrorId = 'InvalidSecretName'; Target = "ssm:/%n%/x`n" }
        @{ Case = 'Get-Secret SM name with a newline'; Run = { param($n) Get-Secret "sm:$n`n" }; ErrorId = 'InvalidSecretName'; Target = "sm:%n%`n" }
        @{ Case = 'Get-SecretInfo name with a newline'; Run = { param($n) Get-SecretInfo "sm:$n`n" }; ErrorId = 'InvalidSecretName'; Target = "sm:%n%`n" }
        @{ Case = 'Set-SecretInfo ssm: name with a newline'; Run = { param($n) Set-SecretInfo "ssm:/$n/x`n" -Description 'd' }; ErrorId = 'InvalidSecretName'; Target = "ssm:/%n%/x`n" }
        @{ Case = 'Remove-Secret ssm: name with a newline'; Run = { param($n) Remove-Secret "ssm:/$n/x`n" }; ErrorId = 'InvalidSecretName'; Target = "ssm:/%n%/x`n" }
        @{ Case = 'Remove-Secret SM bad character'; Run = { param($n) Remove-Secret "sm:$n!x" }; ErrorId = 'InvalidSecretName'; Target = '%n%!x' }
        @{ Case = 'Restore-Secret name with a newline'; Run = { param($n) Restore-Secret "sm:$n`n" }; ErrorId = 'InvalidSecretName'; Target = "sm:%n%`n" }
        @{ Case = 'Get-SecretVersion name with a newline'; Run = { param($n) Get-SecretVersion "ssm:/$n`n" }; ErrorId = 'InvalidSecretName'; Target = "ssm:/%n%`n" }
        @{ Case = 'Set-SecretVersionLabel name with a newline'; Run = { param($n) Set-SecretVersionLabel "sm:$n`n" -Label 'blue' -Version 'v1' }; ErrorId = 'InvalidSecretName'; Target = "sm:%n%`n" }
        @{ Case = 'Remove-SecretVersionLabel name with a newline'; Run = { param($n) Remove-SecretVersionLabel "ssm:/$n`n" -Label 'blue' }; ErrorId = 'InvalidSecretName'; Target = "ssm:/%n%`n" }
        @{ Case = 'Restore-SecretVersion name with a newline'; Run = { param($n) Restore-SecretVersion "sm:$n`n" -Version 'v1' }; ErrorId = 'InvalidSecretName'; Target = "sm:%n%`n" }
        @{ Case = 'Copy-Secret source with a newline'; Run = { param($n) Copy-Secret "sm:$n`n" -Destination "sm:$n-copy" }; ErrorId = 'InvalidSecretName'; Target = "sm:%n%`n" }
        @{ Case = 'Copy-Secret bad destination name'; Run = { param($n) Copy-Secret "sm:$n-src" -Destination "ssm:/$n/a b" }; ErrorId = 'InvalidSecretName'; Target = '/%n%/a b' }
        @{ Case = 'Move-Secret name with a newline'; Run = { param($n) Move-Secret "ssm:/$n/x`n" -DestinationStore SecretsManager }; ErrorId = 'InvalidSecretName'; Target = "ssm:/%n%/x`n" }
        @{ Case = 'Compare-Secret name with a newline'; Run = { param($n) Compare-Secret "sm:$n`n" "sm:$n-b" }; ErrorId = 'InvalidSecretName'; Target = "sm:%n%`n" }
        @{ Case = 'Export-Secret name with a newline'; Run = { param($n) Export-Secret "ssm:/$n/x`n" -Format DotEnv }; ErrorId = 'InvalidSecretName', 'SecretsUnavailable'; Target = "ssm:/%n%/x`n" }
        @{ Case = 'Clear-SecretCache name with a newline'; Run = { param($n) Clear-SecretCache -Name "sm:$n`n" }; ErrorId = 'InvalidSecretName'; Target = "sm:%n%`n" }
        @{ Case = 'Enable-SecretRotation name with a newline'; Run = { param($n) Enable-SecretRotation "sm:$n`n" -LambdaArn 'arn:aws:lambda:us-east-1:123456789012:function:rot' -RotateAfterDays 30 }; ErrorId = 'InvalidSecretName'; Target = "sm:%n%`n" }
        @{ Case = 'Disable-SecretRotation name with a newline'; Run = { param($n) Disable-SecretRotation "sm:$n`n" }; ErrorId = 'InvalidSecretName'; Target = "sm:%n%`n" }
        @{ Case = 'Invoke-SecretRotation name with a newline'; Run = { param($n) Invoke-SecretRotation "sm:$n`n" -GeneratePassword }; ErrorId = 'InvalidSecretName'; Target = "sm:%n%`n" }
        @{ Case = 'New-SecretMigrationPlan name with a newline'; Run = { param($n) New-SecretMigrationPlan "ssm:/$n/x`n" -DestinationStore SecretsManager }; ErrorId = 'InvalidSecretName'; Target = "ssm:/%n%/x`n" }
        @{ Case = 'Invoke-WithSecret name with a newline'; Run = { param($n) Invoke-WithSecret -Environment @{ X = "sm:$n`n" } -ScriptBlock { 'ran' } }; ErrorId = 'InvalidSecretName', 'SecretsUnavailable'; Target = "sm:%n%`n" }
        @{ Case = 'New-SecretAccessPolicy name with a newline'; Run = { param($n) New-SecretAccessPolicy "sm:$n`n" -Access Read }; ErrorId = 'InvalidSecretName'; Target = "sm:%n%`n" }
        @{ Case = 'New-SecretAccessPolicy unknown -Access'; Run = { param($n) New-SecretAccessPolicy "sm:$n" -Access Peek }; ErrorId = 'UnknownAccessLevel'; Target = 'Peek' }
        @{ Case = 'New-SecretAccessPolicy alias ARN as -KmsKeyArn'; Run = { param($n) New-SecretAccessPolicy "sm:$n" -Access Read -KmsKeyArn 'arn:aws:kms:us-east-1:123456789012:alias/x' }; ErrorId = 'InvalidKmsKeyArn'; Target = 'arn:aws:kms:us-east-1:123456789012:alias/x' }
        @{ Case = 'New-SecretAccessPolicy bad -AccountId'; Run = { param($n) New-SecretAccessPolicy "sm:$n" -Access Read -AccountId 'acct' }; ErrorId = 'InvalidAccountId'; Target = 'acct' }
        @{ Case = 'New-SecretAccessPolicy ARN of another service'; Run = { param($n) New-SecretAccessPolicy "arn:aws:s3:::$n" -Access Read }; ErrorId = 'InvalidSecretReference'; Target = 'arn:aws:s3:::%n%' }
        @{ Case = 'Import-Secret entry with a newline in its name'; Run = { param($n) @{ "ssm:/$n/x`n" = 'v' } | Import-Secret }; ErrorId = 'InvalidSecretName'; Target = "ssm:/%n%/x`n" }

        # --- values ---------------------------------------------------------------------------
        @{ Case = 'self-referencing hashtable (SM)'; Run = { param($n) $h = @{ a = 1 }; $h.self = $h; Set-Secret "sm:$n-cyc" -Secret $h }; ErrorId = 'SecretValueCyclic'; Target = '%n%-cyc' }
        @{ Case = 'self-referencing hashtable (PS)'; Run = { param($n) $h = @{ a = 1 }; $h.self = $h; Set-Secret "ssm:/$n/cyc" -Secret $h }; ErrorId = 'SecretValueCyclic'; Target = '/%n%/cyc' }
        @{ Case = 'self-referencing PSCustomObject'; Run = { param($n) $o = [pscustomobject]@{ a = 1 }; $o | Add-Member self $o; Set-Secret "sm:$n-cyco" -Secret $o }; ErrorId = 'SecretValueCyclic'; Target = '%n%-cyco' }
        @{ Case = 'list that contains itself'; Run = { param($n) $l = [System.Collections.ArrayList]::new(); $null = $l.Add($l); Set-Secret "sm:$n-cycl" -Secret @{ l = $l } }; ErrorId = 'SecretValueCyclic'; Target = '%n%-cycl' }
        @{ Case = 'hashtable nested 100 deep (SM)'; Run = { param($n) $d = @{ v = 1 }; 1..100 | ForEach-Object { $d = @{ d = $d } }; Set-Secret "sm:$n-deep" -Secret $d }; ErrorId = 'SecretValueTooDeep'; Target = '%n%-deep' }
        @{ Case = 'PSCustomObject nested 70 deep (PS)'; Run = { param($n) $d = [pscustomobject]@{ v = 1 }; 1..70 | ForEach-Object { $d = [pscustomobject]@{ d = $d } }; Set-Secret "ssm:/$n/deep" -Secret $d }; ErrorId = 'SecretValueTooDeep'; Target = '/%n%/deep' }
        @{ Case = 'cycle in -Merge'; Run = { param($n) $h = @{ a = 1 }; $h.self = $h; Set-Secret "sm:$n-src" -Merge $h }; ErrorId = 'SecretValueCyclic'; Target = '%n%-src' }
        @{ Case = 'lone surrogate string (SM)'; Run = { param($n) Set-Secret "sm:$n-sur" -Secret "a$([char]0xD800)" }; ErrorId = 'InvalidSecretValue'; Target = '%n%-sur' }
        @{ Case = 'lone surrogate string (PS)'; Run = { param($n) Set-Secret "ssm:/$n/sur" -Secret "$([char]0xD800)b" }; ErrorId = 'InvalidSecretValue'; Target = '/%n%/sur' }
        @{ Case = 'lone surrogate in a hashtable value'; Run = { param($n) Set-Secret "sm:$n-surh" -Secret @{ k = "x$([char]0xD800)" } }; ErrorId = 'InvalidSecretValue'; Target = '%n%-surh' }
        @{ Case = 'lone surrogate in a SecureString'; Run = { param($n) Set-Secret "ssm:/$n/surs" -SecureStringSecret (ConvertTo-SecureString "p$([char]0xD800)" -AsPlainText -Force) }; ErrorId = 'InvalidSecretValue'; Target = '/%n%/surs' }
        @{ Case = 'lone surrogate in a string[] item'; Run = { param($n) Set-Secret "ssm:/$n/surl" -Secret @('a', "b$([char]0xD800)") }; ErrorId = 'InvalidSecretValue'; Target = '/%n%/surl' }
        @{ Case = '-Type StringList with a hashtable'; Run = { param($n) Set-Secret "ssm:/$n/slh" -Secret @{ a = 1; b = 2 } -Type StringList }; ErrorId = 'UnsupportedSecretType'; Target = '/%n%/slh' }
        @{ Case = '-Type StringList with a PSCredential'; Run = { param($n) Set-Secret "ssm:/$n/slc" -Secret ([pscredential]::new('u', (ConvertTo-SecureString 'p' -AsPlainText -Force))) -Type StringList }; ErrorId = 'UnsupportedSecretType'; Target = '/%n%/slc' }
        @{ Case = '-Type StringList with a PSCustomObject'; Run = { param($n) Set-Secret "ssm:/$n/slo" -Secret ([pscustomobject]@{ a = 1 }) -Type StringList }; ErrorId = 'UnsupportedSecretType'; Target = '/%n%/slo' }
        @{ Case = 'empty value (SM)'; Run = { param($n) Set-Secret "sm:$n-empty" -Secret '' }; ErrorId = 'SecretValueEmpty'; Target = '%n%-empty' }
        @{ Case = 'empty value (PS)'; Run = { param($n) Set-Secret "ssm:/$n/empty" -Secret '' }; ErrorId = 'SecretValueEmpty'; Target = '/%n%/empty' }
        @{ Case = '9000 bytes to Parameter Store'; Run = { param($n) Set-Secret "ssm:/$n/big" -Secret ('x' * 9000) }; ErrorId = 'SecretValueTooLarge'; Target = '/%n%/big'; Message = '*Standard-tier parameter takes at most 4096*' }
        @{ Case = '5000 bytes with -Tier Standard'; Run = { param($n) Set-Secret "ssm:/$n/big2" -Secret ('x' * 5000) -Tier Standard }; ErrorId = 'SecretValueTooLarge'; Target = '/%n%/big2'; Message = '*Standard tier takes at most 4096*' }
        @{ Case = '70000 bytes to Secrets Manager'; Run = { param($n) Set-Secret "sm:$n-big" -Secret ('x' * 70000) }; ErrorId = 'SecretValueTooLarge'; Target = '%n%-big' }
        @{ Case = 'binary to Parameter Store'; Run = { param($n) Set-Secret "ssm:/$n/bin" -Secret ([byte[]](1, 2, 3)) }; ErrorId = 'UnsupportedSecretType'; Target = '/%n%/bin' }
        @{ Case = 'string[] to Secrets Manager'; Run = { param($n) Set-Secret "sm:$n-list" -Secret @('a', 'b') }; ErrorId = 'UnsupportedSecretType'; Target = '%n%-list' }
        @{ Case = 'StringList item with a comma'; Run = { param($n) Set-Secret "ssm:/$n/comma" -Secret @('a,b', 'c') }; ErrorId = 'UnsupportedSecretType'; Target = '/%n%/comma' }
        @{ Case = 'NaN in a hashtable'; Run = { param($n) Set-Secret "sm:$n-nan" -Secret @{ x = [double]::NaN } }; ErrorId = 'UnsupportedSecretType'; Target = '%n%-nan' }
        @{ Case = 'an int as the value'; Run = { param($n) Set-Secret "sm:$n-int" -Secret 42 }; ErrorId = 'UnsupportedSecretType'; Target = '%n%-int' }

        # --- parameters (a schedule or Lambda ARN is checked once for the command, before any
        # name is read, so its error has no item to name: Target $null) -----------------------------------------------------------------------
        @{ Case = '-Type on Secrets Manager'; Run = { param($n) Set-Secret "sm:$n-type" -Secret 'v' -Type String }; ErrorId = 'InvalidParameterCombination'; Target = '%n%-type' }
        @{ Case = '-KmsKeyId on a String parameter'; Run = { param($n) Set-Secret "ssm:/$n/kmsstr" -Secret 'v' -Type String -KmsKeyId 'alias/x' }; ErrorId = 'InvalidParameterCombination'; Target = '/%n%/kmsstr' }
        @{ Case = '-KmsKeyId that is no key (SM)'; Run = { param($n) Set-Secret "sm:$n-kms" -Secret 'v' -KmsKeyId 'my key' }; ErrorId = 'InvalidKmsKeyId'; Target = '%n%-kms' }
        @{ Case = '-KmsKeyId that is no key (PS)'; Run = { param($n) Set-Secret "ssm:/$n/kms" -Secret 'v' -KmsKeyId 'aliasfoo' }; ErrorId = 'InvalidKmsKeyId'; Target = '/%n%/kms' }
        @{ Case = '-KmsKeyId ARN of something else'; Run = { param($n) Set-Secret "sm:$n-kmsarn" -Secret 'v' -KmsKeyId 'arn:aws:kms:us-east-1:123:key/not-a-guid' }; ErrorId = 'InvalidKmsKeyId'; Target = '%n%-kmsarn' }
        @{ Case = 'Set-SecretInfo -KmsKeyId bad'; Run = { param($n) Set-SecretInfo "sm:$n-src" -KmsKeyId '1234' }; ErrorId = 'InvalidKmsKeyId'; Target = '%n%-src' }
        @{ Case = 'Copy-Secret -DestinationKmsKeyId bad'; Run = { param($n) Copy-Secret "sm:$n-src" -Destination "sm:$n-copy2" -DestinationKmsKeyId 'bad key' }; ErrorId = 'InvalidKmsKeyId'; Target = 'sm:%n%-src' }
        @{ Case = '-Region in capitals'; Run = { param($n) Set-Secret "sm:$n-rg" -Secret 'v' -Region 'US-EAST-1' }; ErrorId = 'InvalidRegion'; Target = 'US-EAST-1' }
        @{ Case = '-Region without its number'; Run = { param($n) Get-Secret "sm:$n-rg" -Region 'us-east' }; ErrorId = 'InvalidRegion'; Target = 'us-east' }
        @{ Case = '-Region that is a URL'; Run = { param($n) Remove-Secret "ssm:/$n/rg" -Region 'https://ssm.us-east-1.amazonaws.com' }; ErrorId = 'InvalidRegion'; Target = 'https://ssm.us-east-1.amazonaws.com' }
        @{ Case = '-Region of the right shape that AWS does not have'; Run = { param($n) Set-Secret "sm:$n-rg" -Secret 'v' -Region 'mars-east-1' }; ErrorId = 'InvalidRegion'; Target = 'mars-east-1' }
        @{ Case = '-DestinationRegion AWS does not have'; Run = { param($n) Copy-Secret "sm:$n-src" -Destination "sm:$n-copy4" -DestinationRegion 'moon-west-9' }; ErrorId = 'InvalidRegion'; Target = 'moon-west-9' }
        @{ Case = '-DestinationRegion bad'; Run = { param($n) Copy-Secret "sm:$n-src" -Destination "sm:$n-copy3" -DestinationRegion 'eu_west_1' }; ErrorId = 'InvalidRegion'; Target = 'eu_west_1' }
        @{ Case = 'Get-Secret -FallbackRegion in capitals'; Run = { param($n) Get-Secret "sm:$n-fb" -FallbackRegion 'EU-WEST-1' }; ErrorId = 'InvalidFallbackRegion'; Target = 'EU-WEST-1' }
        @{ Case = 'Get-Secret -FallbackRegion is the primary Region'; Run = { param($n) Get-Secret "sm:$n-fb" -Region us-east-1 -FallbackRegion eu-west-1, us-east-1 }; ErrorId = 'InvalidFallbackRegion'; Target = 'us-east-1' }
        @{ Case = 'Invoke-WithSecret -ParameterStoreFallbackRegion bad'; Run = { param($n) Invoke-WithSecret -Environment @{ X = "ssm:/$n/fb" } -ParameterStoreFallbackRegion 'west' -ScriptBlock { 'ran' } }; ErrorId = 'InvalidFallbackRegion'; Target = 'west' }
        @{ Case = 'Expand-SecretTemplate -FallbackRegion bad'; Run = { param($n) Expand-SecretTemplate -InputObject "{{ sm:$n-fb }}" -FallbackRegion 'eu-west-1,mars' }; ErrorId = 'InvalidFallbackRegion'; Target = 'mars' }
        @{ Case = 'Export-Secret -FallbackRegion bad'; Run = { param($n) Export-Secret "sm:$n-fb" -Format DotEnv -FallbackRegion 'eu_west_1' }; ErrorId = 'InvalidFallbackRegion'; Target = 'eu_west_1' }
        @{ Case = 'tag key with a character tags refuse (SM)'; Run = { param($n) Set-Secret "sm:$n-tag" -Secret 'v' -Tag @{ 'a!b' = 'c' } }; ErrorId = 'InvalidTag'; Target = '%n%-tag' }
        @{ Case = 'tag value with a character tags refuse (PS)'; Run = { param($n) Set-Secret "ssm:/$n/tag" -Secret 'v' -Tag @{ k = 'a#b' } }; ErrorId = 'InvalidTag'; Target = '/%n%/tag' }
        @{ Case = 'tag value with a newline'; Run = { param($n) Set-Secret "sm:$n-tagnl" -Secret 'v' -Tag @{ k = "a`n" } }; ErrorId = 'InvalidTag'; Target = '%n%-tagnl' }
        @{ Case = 'tag key of 129 characters'; Run = { param($n) Set-Secret "ssm:/$n/tagk" -Secret 'v' -Tag @{ ('x' * 129) = 'v' } }; ErrorId = 'InvalidTag'; Target = '/%n%/tagk' }
        @{ Case = 'tag value of 257 characters'; Run = { param($n) Set-Secret "sm:$n-tagv" -Secret 'v' -Tag @{ k = ('v' * 257) } }; ErrorId = 'InvalidTag'; Target = '%n%-tagv' }
        @{ Case = 'reserved aws: tag key'; Run = { param($n) Set-SecretInfo "sm:$n-src" -Tag @{ 'aws:x' = 'v' } }; ErrorId = 'InvalidTag'; Target = '%n%-src' }
        @{ Case = '51 tags given'; Run = { param($n) $t = @{}; 1..51 | ForEach-Object { $t["k$_"] = 'v' }; Set-Secret "sm:$n-t51" -Secret 'v' -Tag $t }; ErrorId = 'TagLimitExceeded'; Target = '%n%-t51' }
        @{ Case = '45 tags there and 6 more (SM Set-Secret)'; Run = { param($n) $t = @{}; 1..6 | ForEach-Object { $t["new$_"] = 'v' }; Set-Secret "sm:$n-t45" -Secret 'v2' -Tag $t }; ErrorId = 'TagLimitExceeded'; Target = '%n%-t45' }
        @{ Case = '45 tags there and 6 more (PS Set-Secret)'; Run = { param($n) $t = @{}; 1..6 | ForEach-Object { $t["new$_"] = 'v' }; Set-Secret "ssm:/$n/t45" -Secret 'v2' -Tag $t }; ErrorId = 'TagLimitExceeded'; Target = '/%n%/t45' }
        @{ Case = '45 tags there and 6 copied onto it (Copy-Secret -Force)'; Run = { param($n) Copy-Secret "sm:$n-src6" -Destination "sm:$n-t45" -Force }; ErrorId = 'TagLimitExceeded'; Target = 'sm:%n%-src6' }
        @{ Case = '45 tags there, 4 copied and 2 -TagSource (Move-Secret)'; Run = { param($n) Move-Secret "sm:$n-src4" -Destination "ssm:/$n/t45" -TagSource -Force }; ErrorId = 'TagLimitExceeded'; Target = 'sm:%n%-src4' }
        @{ Case = '45 tags there and 6 more (SM Set-SecretInfo)'; Run = { param($n) $t = @{}; 1..6 | ForEach-Object { $t["new$_"] = 'v' }; Set-SecretInfo "sm:$n-t45" -Tag $t }; ErrorId = 'TagLimitExceeded'; Target = '%n%-t45' }
        @{ Case = '45 tags there and 6 more (PS Set-SecretInfo)'; Run = { param($n) $t = @{}; 1..6 | ForEach-Object { $t["new$_"] = 'v' }; Set-SecretInfo "ssm:/$n/t45" -Tag $t }; ErrorId = 'TagLimitExceeded'; Target = '/%n%/t45' }
        @{ Case = 'bad Parameter Store label'; Run = { param($n) Set-SecretVersionLabel "ssm:/$n/t45" -Label '1st' -Version 1 }; ErrorId = 'InvalidVersionLabel'; Target = '/%n%/t45' }
        @{ Case = 'bad rotation schedule'; Run = { param($n) Enable-SecretRotation "sm:$n-src" -LambdaArn 'arn:aws:lambda:us-east-1:123456789012:function:rot' -Schedule 'every day' }; ErrorId = 'InvalidRotationSchedule'; Target = $null }
        @{ Case = 'bad Lambda ARN'; Run = { param($n) Enable-SecretRotation "sm:$n-src" -LambdaArn 'rotate-me' -RotateAfterDays 30 }; ErrorId = 'InvalidLambdaArn'; Target = $null }
        @{ Case = 'Get-SecretAuditEvent -EndTime before -StartTime'; Run = { param($n) Get-SecretAuditEvent "sm:$n-src" -StartTime '2026-01-02' -EndTime '2026-01-01' }; ErrorId = 'InvalidAuditTimeRange'; Target = $null }
        @{ Case = 'Get-SecretAuditEvent unknown -EventName'; Run = { param($n) Get-SecretAuditEvent "sm:$n-src" -EventName GetSecretValue, ReadSecret }; ErrorId = 'UnknownAuditEventName'; Target = 'ReadSecret' }
        @{ Case = 'Get-SecretAuditEvent name with a newline'; Run = { param($n) Get-SecretAuditEvent "ssm:/$n/x`n" }; ErrorId = 'InvalidSecretName'; Target = "ssm:/%n%/x`n" }
        @{ Case = 'Get-SecretAuditEvent version selector'; Run = { param($n) Get-SecretAuditEvent "ssm:/$n/x:3" }; ErrorId = 'SelectorNotAllowed'; Target = 'ssm:/%n%/x:3' }

        # Resource policies and replication: a bad -Policy, principal, account or Region is checked once for
        # the command (principals and Regions name the bad value); a Parameter Store name has neither feature.
        @{ Case = 'Get-SecretResourcePolicy name with a newline'; Run = { param($n) Get-SecretResourcePolicy "sm:$n`n" }; ErrorId = 'InvalidSecretName'; Target = "sm:%n%`n" }
        @{ Case = 'Get-SecretResourcePolicy on Parameter Store'; Run = { param($n) Get-SecretResourcePolicy "ssm:/$n/x" }; ErrorId = 'OperationNotSupported'; Target = '/%n%/x' }
        @{ Case = 'Set-SecretResourcePolicy -Policy that is not JSON'; Run = { param($n) Set-SecretResourcePolicy "sm:$n-src" -Policy '{"Version":' }; ErrorId = 'InvalidPolicyJson'; Target = $null }
        @{ Case = 'Set-SecretResourcePolicy -Policy without a Statement'; Run = { param($n) Set-SecretResourcePolicy "sm:$n-src" -Policy @{ Version = '2012-10-17' } }; ErrorId = 'InvalidPolicyJson'; Target = $null }
        @{ Case = 'Set-SecretResourcePolicy -Policy that is a JSON array'; Run = { param($n) Set-SecretResourcePolicy "sm:$n-src" -Policy '[{"Statement":[]}]' }; ErrorId = 'InvalidPolicyJson'; Target = $null }
        @{ Case = 'Set-SecretResourcePolicy -Policy over 20480 characters'; Run = { param($n) Set-SecretResourcePolicy "sm:$n-src" -Policy @{ Version = '2012-10-17'; Statement = @(@{ Effect = 'Allow'; Sid = ('x' * 21000) }) } }; ErrorId = 'InvalidPolicyJson'; Target = $null; Message = '*at most 20,480*' }
        @{ Case = 'Set-SecretResourcePolicy bad principal ARN'; Run = { param($n) Set-SecretResourcePolicy "sm:$n-src" -AllowPrincipal 'arn:aws:iam::123456789012:role/ok', 'arn:aws:s3:::bucket' }; ErrorId = 'InvalidPrincipalArn'; Target = 'arn:aws:s3:::bucket' }
        @{ Case = 'Set-SecretResourcePolicy principal that is a user name'; Run = { param($n) Set-SecretResourcePolicy "sm:$n-src" -AllowPrincipal 'alice' }; ErrorId = 'InvalidPrincipalArn'; Target = 'alice' }
        @{ Case = 'Set-SecretResourcePolicy 11-digit account'; Run = { param($n) Set-SecretResourcePolicy "sm:$n-src" -AllowAccount '12345678901' }; ErrorId = 'InvalidAccountId'; Target = '12345678901' }
        @{ Case = 'Set-SecretResourcePolicy -Policy and -AllowPrincipal'; Run = { param($n) Set-SecretResourcePolicy "sm:$n-src" -Policy '{"Statement":[]}' -AllowPrincipal 'arn:aws:iam::123456789012:root' }; ErrorId = 'InvalidParameterCombination'; Target = $null }
        @{ Case = 'Set-SecretResourcePolicy with no policy at all'; Run = { param($n) Set-SecretResourcePolicy "sm:$n-src" }; ErrorId = 'InvalidParameterCombination'; Target = $null }
        @{ Case = 'Set-SecretResourcePolicy on Parameter Store'; Run = { param($n) Set-SecretResourcePolicy "ssm:/$n/x" -AllowAccount 123456789012 }; ErrorId = 'OperationNotSupported'; Target = '/%n%/x' }
        @{ Case = 'Remove-SecretResourcePolicy on Parameter Store'; Run = { param($n) Remove-SecretResourcePolicy "ssm:/$n/x" }; ErrorId = 'OperationNotSupported'; Target = '/%n%/x' }
        @{ Case = 'Add-SecretReplica bad Region'; Run = { param($n) Add-SecretReplica "sm:$n-src" -ReplicaRegion eu-west-1, 'EU West' }; ErrorId = 'InvalidRegion'; Target = 'EU West' }
        @{ Case = 'Add-SecretReplica to the Region called'; Run = { param($n) Add-SecretReplica "sm:$n-src" -ReplicaRegion us-east-1 -Region us-east-1 }; ErrorId = 'InvalidRegion'; Target = '%n%-src' }
        @{ Case = 'Add-SecretReplica bad -KmsKeyId'; Run = { param($n) Add-SecretReplica "sm:$n-src" -ReplicaRegion eu-west-1 -KmsKeyId 'my key' }; ErrorId = 'InvalidKmsKeyId'; Target = 'my key' }
        @{ Case = 'Add-SecretReplica on Parameter Store'; Run = { param($n) Add-SecretReplica "ssm:/$n/x" -ReplicaRegion eu-west-1 }; ErrorId = 'OperationNotSupported'; Target = '/%n%/x' }
        @{ Case = 'Add-SecretReplica with one key ARN for two Regions'; Run = { param($n) Add-SecretReplica "sm:$n-src" -ReplicaRegion eu-west-1, ap-south-1 -KmsKeyId 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' }; ErrorId = 'InvalidKmsKeyId'; Target = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' }
        @{ Case = 'Add-SecretReplica with a key of another Region'; Run = { param($n) Add-SecretReplica "sm:$n-src" -ReplicaRegion ap-south-1 -KmsKeyId 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' }; ErrorId = 'InvalidKmsKeyId'; Target = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' }
        @{ Case = 'Remove-SecretReplica of the Region called'; Run = { param($n) Remove-SecretReplica "sm:$n-src" -ReplicaRegion us-east-1 -Region us-east-1 -Force }; ErrorId = 'InvalidRegion'; Target = '%n%-src' }
        @{ Case = 'Remove-SecretReplica bad Region'; Run = { param($n) Remove-SecretReplica "sm:$n-src" -ReplicaRegion 'eu-west' }; ErrorId = 'InvalidRegion'; Target = 'eu-west' }
        @{ Case = 'Remove-SecretReplica on Parameter Store'; Run = { param($n) Remove-SecretReplica "ssm:/$n/x" -ReplicaRegion eu-west-1 }; ErrorId = 'OperationNotSupported'; Target = '/%n%/x' }
        @{ Case = 'Stop-SecretReplication name with a newline'; Run = { param($n) Stop-SecretReplication "sm:$n`n" -Region eu-west-1 }; ErrorId = 'InvalidSecretName'; Target = "sm:%n%`n" }
        @{ Case = 'Stop-SecretReplication on Parameter Store'; Run = { param($n) Stop-SecretReplication "ssm:/$n/x" -Region eu-west-1 }; ErrorId = 'OperationNotSupported'; Target = '/%n%/x' }
        # --- piped records ----------------------------------------------------------------------
        @{ Case = 'record with Store Bogus'; Run = { param($n) [pscustomobject]@{ Name = "$n-rec1"; Value = 'v'; Store = 'Bogus' } | Set-Secret }; ErrorId = 'InvalidPipedRecord'; Target = '%n%-rec1' }
        @{ Case = 'record with Store SSM'; Run = { param($n) [pscustomobject]@{ Name = "/$n/rec2"; Secret = 'v'; Store = 'SSM' } | Set-Secret }; ErrorId = 'InvalidPipedRecord'; Target = '/%n%/rec2' }
        @{ Case = 'record with both Secret and Value'; Run = { param($n) [pscustomobject]@{ Name = "$n-rec3"; Secret = 'a'; Value = 'b' } | Set-Secret }; ErrorId = 'InvalidPipedRecord'; Target = '%n%-rec3' }
        @{ Case = 'record with a Name and no value column'; Run = { param($n) [pscustomobject]@{ Name = "$n-rec4"; Password = 'p' } | Set-Secret }; ErrorId = 'InvalidPipedRecord'; Target = '%n%-rec4' }
        @{ Case = 'record naming another secret than -Name'; Run = { param($n) [pscustomobject]@{ Name = "$n-other"; Secret = 'v' } | Set-Secret -Name "$n-rec5" }; ErrorId = 'InvalidPipedRecord'; Target = '%n%-rec5' }
        @{ Case = 'record whose Store disagrees with -Store'; Run = { param($n) [pscustomobject]@{ Name = "/$n/rec6"; Secret = 'v'; Store = 'SecretsManager' } | Set-Secret -Store ParameterStore }; ErrorId = 'InvalidPipedRecord'; Target = '/%n%/rec6' }
        @{ Case = 'two strings piped to one -Name'; Run = { param($n) 'a', 'b' | Set-Secret -Name "$n-multi" }; ErrorId = 'MultiplePipedValues'; Target = '%n%-multi' }
        @{ Case = 'two records piped to one -Name'; Run = { param($n) [pscustomobject]@{ Name = "$n-multi2"; Secret = 'a' }, [pscustomobject]@{ Name = "$n-multi2"; Secret = 'b' } | Set-Secret -Name "$n-multi2" }; ErrorId = 'MultiplePipedValues'; Target = '%n%-multi2' }
        @{ Case = 'record with a bad Region column'; Run = { param($n) [pscustomobject]@{ Name = "$n-rec7"; Secret = 'v'; Region = 'mars-1' } | Set-Secret }; ErrorId = 'InvalidRegion'; Target = 'mars-1' }

        # --- local cmdlets: Export-SecretInfo and Measure-SecretCost (no AWS call at all) ---------
        @{ Case = 'Export-SecretInfo policy that is not JSON'; Run = { param($n) [SecretsTools.Model.SecretInfo]@{ Name = "$n-pol"; Store = 'SecretsManager' } | Export-SecretInfo -ResourcePolicy @{ "$n-pol" = '{not json' } -Path (Join-Path $TestDrive "$n-pol.yaml") }; ErrorId = 'MalformedPolicy'; Target = '%n%-pol' }
        @{ Case = 'Export-SecretInfo policy that is a JSON array'; Run = { param($n) [SecretsTools.Model.SecretInfo]@{ Name = "$n-arr"; Store = 'SecretsManager' } | Export-SecretInfo -ResourcePolicy @{ "$n-arr" = '[1]' } }; ErrorId = 'MalformedPolicy'; Target = '%n%-arr' }
        @{ Case = 'Export-SecretInfo of SecureString parameters only'; Run = { param($n) [SecretsTools.Model.SecretInfo]@{ Name = "/$n/sec"; Store = 'ParameterStore'; Type = 'SecureString' } | Export-SecretInfo -WarningAction SilentlyContinue }; ErrorId = 'NothingToExport'; Target = $null }
        @{ Case = 'Measure-SecretCost given a string'; Run = { param($n) "$n-str" | Measure-SecretCost }; ErrorId = 'UnsupportedInputObject'; Target = '%n%-str' }
        @{ Case = 'Measure-SecretCost given a plan record with a bad Action'; Run = { param($n) [pscustomobject]@{ SourceStore = 'ParameterStore'; SourceNames = "/$n/a"; DestinationStore = 'SecretsManager'; DestinationName = "$n-bad"; Action = 'Bogus' } | Measure-SecretCost }; ErrorId = 'InvalidPlanItem'; Target = '%n%-bad' }
        @{ Case = 'record with a newline in its Name'; Run = { param($n) [pscustomobject]@{ Name = "ssm:/$n/rec8`n"; Value = 'v' } | Set-Secret }; ErrorId = 'InvalidSecretName'; Target = "ssm:/%n%/rec8`n" }
        @{ Case = 'record whose Secret is cyclic'; Run = { param($n) $h = @{ a = 1 }; $h.self = $h; [pscustomobject]@{ Name = "$n-rec9"; Secret = $h } | Set-Secret }; ErrorId = 'SecretValueCyclic'; Target = '%n%-rec9' }
        @{ Case = 'record whose Value has a lone surrogate'; Run = { param($n) [pscustomobject]@{ Name = "/$n/rec10"; Value = "x$([char]0xD800)"; Store = 'ParameterStore' } | Set-Secret }; ErrorId = 'InvalidSecretValue'; Target = '/%n%/rec10' }
        @{ Case = 'record piped to Remove-Secret with a bad name'; Run = { param($n) [pscustomobject]@{ Name = "ssm:/$n/rm`n" } | Remove-Secret }; ErrorId = 'InvalidSecretName'; Target = "ssm:/%n%/rm`n" }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    $script:Stem = New-TestName 'bad'
    # What some cases need to exist: a source secret, and one secret per store with 45 tags.
    $tags = @{}; 1..45 | ForEach-Object { $tags["k$_"] = 'v' }
    Set-Secret "sm:$script:Stem-src" -Secret @{ a = '1' } -Confirm:$false
    Set-Secret "sm:$script:Stem-t45" -Secret 'v1' -Tag $tags -Confirm:$false
    $six = @{}; 1..6 | ForEach-Object { $six["s$_"] = 'v' }
    $four = @{}; 1..4 | ForEach-Object { $four["f$_"] = 'v' }
    Set-Secret "sm:$script:Stem-src6" -Secret 'six' -Tag $six -Confirm:$false
    Set-Secret "sm:$script:Stem-src4" -Secret 'four' -Tag $four -Confirm:$false
    Set-Secret "ssm:/$script:Stem/t45" -Secret 'v1' -Tag $tags -Confirm:$false
    $script:Existing = @("$script:Stem-src", "$script:Stem-t45", "$script:Stem-src6", "$script:Stem-src4")

    function Invoke-BadInputCase([scriptblock] $Run, [string] $Stem) {
        $ConfirmPreference = 'None'
        # build.ps1 runs the tests under ErrorActionPreference Stop, which would turn an item's
        # non-terminating error into the one that ends the command: keep the cmdlet's own choice.
        $ErrorActionPreference = 'Continue'
        $errors = [System.Collections.Generic.List[object]]::new()
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        try { & $Run $Stem 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $errors.Add($_) } } }
        catch { $errors.Add($_) }
        # Reads (Get*, Describe*, List*, BatchGet*) may be needed to check (tags already there); any
        # other operation on the wire is a write.
        $writes = @([SecretsTools.Diagnostics.ApiCallCounter]::Snapshot().GetEnumerator() |
            Where-Object { ($_.Key -split ':')[1] -notmatch '^(Get|Describe|List|BatchGet)' } | ForEach-Object { "$($_.Key)=$($_.Value)" })
        [pscustomobject]@{ Errors = $errors.ToArray(); Writes = $writes }
    }
}

AfterAll {
    Remove-Secret "sm:$script:Stem-src", "sm:$script:Stem-t45", "sm:$script:Stem-src6", "sm:$script:Stem-src4" -Force -Confirm:$false -ErrorAction SilentlyContinue
    Remove-Secret "ssm:/$script:Stem/t45" -Confirm:$false -ErrorAction SilentlyContinue
    Complete-SecretsToolsTest
}

Describe 'Bad input: one specific error, its target, nothing written' {
    It '<Case>' -TestCases $script:Cases {
        $result = Invoke-BadInputCase -Run $Run -Stem $script:Stem
        # Export-Secret and Invoke-WithSecret follow the item's error with one SecretsUnavailable.
        Get-ErrorIds $result.Errors | Should -Be @($ErrorId) -Because "$Case gives exactly that error"
        if ($null -eq $Target) { $result.Errors[0].TargetObject | Should -BeNullOrEmpty }
        else { $result.Errors[0].TargetObject | Should -BeExactly $Target.Replace('%n%', $script:Stem) }
        if ($Message) { $result.Errors[0].Exception.Message | Should -BeLike $Message }
        $result.Writes | Should -BeNullOrEmpty -Because 'bad input sends no write call'
    }

    It 'is at least 60 cases' -TestCases @{ Count = $script:Cases.Count } {
        $Count | Should -BeGreaterOrEqual 60
    }
}

Describe 'Bad input: the server agrees nothing was written' {
    It 'has no secret or parameter under the test''s names but those made for the cases' {
        Get-SmNamesFromServer -Prefix $script:Stem | Sort-Object | Should -Be ($script:Existing | Sort-Object)
        Get-SsmNamesUnderPath -Path "/$script:Stem" | Should -Be @("/$script:Stem/t45")
        # Nothing under a name with a newline either (a write would have made one, trimmed or not).
        (Invoke-AwsApi ssm DescribeParameters @{ ParameterFilters = @(@{ Key = 'Name'; Option = 'BeginsWith'; Values = @("/$script:Stem/nl") }) }).Parameters | Should -BeNullOrEmpty
    }

    It 'kept the 45 tags and the value of the secrets the tag cases were about' {
        (Get-SmSecretFromServer -Name "$script:Stem-t45").Tags.Count | Should -Be 45
        (Get-SmValueFromServer -Name "$script:Stem-t45").SecretString | Should -BeExactly 'v1'
        (Invoke-AwsApi ssm ListTagsForResource @{ ResourceType = 'Parameter'; ResourceId = "/$script:Stem/t45" }).TagList.Count | Should -Be 45
        (Get-SsmParameterFromServer -Name "/$script:Stem/t45")["/$script:Stem/t45"].Version | Should -Be 1
    }
}

Describe 'Bad input: the harness' {
    It 'sees a write when one happens (so "no write" above can fail)' {
        $result = Invoke-BadInputCase -Run { param($n) Set-Secret "sm:$n-src" -Secret @{ a = '2' } } -Stem $script:Stem
        $result.Errors | Should -BeNullOrEmpty
        $result.Writes | Should -Not -BeNullOrEmpty
    }
}

Describe 'Piped records: what does get written' {
    It 'takes Value as another name for Secret, and a Store column that names a store' {
        $name = "/$(New-TestName 'recv')/v"
        [pscustomobject]@{ Name = $name; Value = 'from-value'; Store = 'parameterstore' } | Set-Secret -Confirm:$false
        (Get-SsmParameterFromServer -Name $name)[$name].Value | Should -BeExactly 'from-value'
        Remove-Secret "ssm:$name" -Confirm:$false
    }

    It 'writes one piped value under -Name' {
        $name = New-TestName 'recone'
        'only' | Set-Secret -Name "sm:$name" -Confirm:$false
        (Get-SmValueFromServer -Name $name).SecretString | Should -BeExactly 'only'
        Remove-Secret "sm:$name" -Force -Confirm:$false
    }

    It 'stores a piped object without Secret, Value or Name columns as JSON under -Name' {
        $name = New-TestName 'recjson'
        [pscustomobject]@{ user = 'u'; port = 5432 } | Set-Secret -Name "sm:$name" -Confirm:$false
        (Get-SmValueFromServer -Name $name).SecretString | ConvertFrom-Json | Select-Object -ExpandProperty user | Should -Be 'u'
        Remove-Secret "sm:$name" -Force -Confirm:$false
    }

    It 'goes on with the next record after a bad one' {
        $stem = "/$(New-TestName 'recnext')"
        @([pscustomobject]@{ Name = "$stem/a"; Secret = 'a'; Store = 'Bogus' }, [pscustomobject]@{ Name = "$stem/b"; Secret = 'b'; Store = 'ParameterStore' }) |
            Set-Secret -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        Get-ErrorIds $err | Should -Be 'InvalidPipedRecord'
        Get-SsmNamesUnderPath -Path $stem | Should -Be @("$stem/b")
        Remove-Secret "ssm:$stem/b" -Confirm:$false
    }
}
