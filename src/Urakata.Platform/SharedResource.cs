namespace Urakata.Platform;

/// <summary>Anchor type of the shared UI strings (<c>Resources/SharedResource.resx</c> Japanese, <c>.en.resx</c> English).</summary>
public sealed class SharedResource;
