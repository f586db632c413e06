using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LinkedAudiences.Core.Events;

/// <summary>Deterministic message ids: the same audience, subject, kind and membership version give the same id, forever.</summary>
public static class MessageIds
{
    public static string For(string audienceKey, AudienceEventKind kind, string subject, long membershipVersion)
    {
        // Unit separators keep ("a", "b|c") and ("a|b", "c") apart.
        var text = string.Join('\u001f', audienceKey, kind.ToString(), subject, membershipVersion.ToString(CultureInfo.InvariantCulture));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return "la-" + Convert.ToHexStringLower(hash, 0, 16);
    }

    /// <summary>The subject of an entity event: the member and the entity row, through its branch.</summary>
    public static string EntitySubject(string memberKey, string branch, string entity, string entityKey) =>
        string.Join('\u001f', memberKey, branch, entity, entityKey);
}
