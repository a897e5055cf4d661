using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>One generated file: its path under <c>Generated/</c> (with <c>/</c> separators) and its content.</summary>
internal sealed record GeneratedFile(string Path, string Content);

/// <summary>
/// Writes one kind of artifact (enums, response records, their JSON converters, requests, services...). Each emitter
/// reads the finished <see cref="ApiModel"/> and never changes it; <see cref="Emitters.All"/> lists them in order.
/// </summary>
internal interface IEmitter
{
    IEnumerable<GeneratedFile> Emit(ApiModel model);
}

/// <summary>The folders of <c>Generated/</c>, one per kind of artifact.</summary>
internal static class Layout
{
    public const string Enums = "Enums";
    public const string Models = "Models";
    public const string Requests = "Requests";
    public const string Serialization = "Serialization";
    public const string Services = "Services";
    public const string Client = "Client";
    public const string Events = "Events";

    public static string File(string folder, string type) => folder + "/" + type + ".cs";
}

/// <summary>Every emitter, in the order their files are listed.</summary>
internal static class Emitters
{
    public static IReadOnlyList<IEmitter> All { get; } =
    [
        new EnumEmitter(),
        new RecordEmitter(),
        new RecordConverterEmitter(),
        new UnionEmitter(),
        new UnionConverterEmitter(),
        new RequestEmitter(),
        new OneOfEmitter(),
        new RangeEmitter(),
        new ServiceEmitter(),
        new ClientServicesEmitter(),
        new RegistrationsEmitter(),
        new JsonContextEmitter(),
        new EventTypeEmitter(),
        new EventObjectTableEmitter(),
        new ApiVersionEmitter(),
        new ModelFactoryEmitter(),
    ];

    /// <summary>
    /// The v2 Core family: the same models, requests and services (JSON bodies, <c>V2List</c> pages), its own services
    /// class and registrations; no API version constant or v1 event tables (the v1 run writes those).
    /// </summary>
    public static IReadOnlyList<IEmitter> V2 { get; } =
    [
        new EnumEmitter(),
        new RecordEmitter(),
        new RecordConverterEmitter(),
        new UnionEmitter(),
        new UnionConverterEmitter(),
        new RequestEmitter(),
        new OneOfEmitter(),
        new RangeEmitter(),
        new ServiceEmitter(),
        new V2ServicesEmitter(),
        new JsonContextEmitter(),
        new ModelFactoryEmitter(),
    ];

    /// <summary>The emitters of the model's family.</summary>
    public static IReadOnlyList<IEmitter> For(ApiModel model) => model.IsV2 ? V2 : All;
}
