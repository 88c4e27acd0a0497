using Microsoft.AspNetCore.Builder;

namespace Urakata.Platform.Api;

/// <summary>
/// Declares which entity the <c>{id}</c> of a route names. The company-isolation test reads it to try every
/// id-taking route with another company's id; a route without it fails that test.
/// </summary>
public sealed class ResourceMetadata(Type entityType)
{
    public Type EntityType { get; } = entityType;
}

public static class ResourceMetadataExtensions
{
    public static TBuilder ForResource<TEntity, TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ResourceMetadata(typeof(TEntity)));

    public static RouteHandlerBuilder ForResource<TEntity>(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new ResourceMetadata(typeof(TEntity)));
}
