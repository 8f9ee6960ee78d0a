using System;
using System.Collections.Generic;
using System.Linq;
using SecretsTools.Model;

namespace SecretsTools.Commands;

/// <summary>
/// Get-SecretAuditEvent -Summary: one secret's events grouped per principal (its ARN, else its
/// name), with read and write counts and the last access, most recent principal first.
/// </summary>
internal sealed class AuditSummary
{
    private readonly Dictionary<string, List<SecretAuditEvent>> _byUser = new(StringComparer.Ordinal);

    public void Add(SecretAuditEvent e)
    {
        string key = e.User.Arn ?? e.User.Name ?? e.User.Type ?? "";
        if (!_byUser.TryGetValue(key, out var list)) _byUser[key] = list = new List<SecretAuditEvent>();
        list.Add(e);
    }

    public IReadOnlyList<SecretAuditSummary> Rows() => _byUser
        .Select(pair =>
        {
            var events = pair.Value;
            var last = events.MaxBy(e => e.Time)!;
            var reads = events.Where(e => e.ReadOnly == true).ToList();
            return new SecretAuditSummary
            {
                SecretName = last.SecretName,
                Store = last.Store,
                User = pair.Key,
                UserType = last.User.Type,
                Reads = reads.Count,
                Writes = events.Count - reads.Count,
                Failed = events.Count(e => e.ErrorCode is not null),
                FirstAccess = events.Min(e => e.Time),
                LastAccess = last.Time,
                LastRead = reads.Count == 0 ? null : reads.Max(e => e.Time),
                LastEventName = last.EventName,
                LastSourceIp = last.SourceIp,
            };
        })
        .OrderByDescending(s => s.LastAccess)
        .ThenBy(s => s.User, StringComparer.Ordinal)
        .ToList();
}
