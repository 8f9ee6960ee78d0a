using System;
using SecretsTools.Stores;

namespace SecretsTools.Rotation;

/// <summary>
/// The caller's part of a custom rotation, run on the pipeline thread (they are script blocks):
/// make the new value from the current one, put it into service (Set), prove it works (Test).
/// Set and Test may be null: a value nobody else holds (a token SecretsTools hands out) needs neither.
/// A step fails by throwing; Test also fails by returning false.
/// </summary>
internal sealed record RotationSteps(
    Func<SecretValue, SecretValue> Create,
    Action<SecretValue, SecretValue>? Set,
    Func<SecretValue, bool>? Test);

/// <summary>What a rotation run is asked to do with a secret that may hold a half-done rotation.</summary>
internal enum RotationMode
{
    /// <summary>Rotate; refuse when a rotation is already half done.</summary>
    Start,

    /// <summary>Finish a half-done rotation with the value it stored (set, test, promote).</summary>
    Resume,

    /// <summary>Undo a half-done rotation: the current value stays, the pending one is dropped.</summary>
    Abandon,
}
