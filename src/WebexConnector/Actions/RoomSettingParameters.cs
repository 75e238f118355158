namespace WebexConnector.Actions;

/// <summary>
/// The parameters of a room's settings as one action declares them: create_room and update_room take the same ones,
/// described each for what it does. <see cref="RoomSettings.FromParameters"/> reads them.
/// </summary>
internal sealed record RoomSettingParameters(
    ParameterDefinition TeamId,
    ParameterDefinition ClassificationId,
    ParameterDefinition IsLocked,
    ParameterDefinition IsPublic,
    ParameterDefinition Description,
    ParameterDefinition IsAnnouncementOnly)
{
    public IReadOnlyList<ParameterDefinition> All => [TeamId, ClassificationId, IsLocked, IsPublic, Description, IsAnnouncementOnly];
}
