namespace LinkedAudiences.Core.Demo;

/// <summary>The words the demo data is made of. Order matters: indexes are drawn from the random streams.</summary>
internal static class DemoVocabulary
{
    public static readonly string[] FirstNames =
    [
        "Ada", "Alan", "Amara", "Ben", "Carla", "Chen", "Dana", "Diego", "Elena", "Emil", "Farah", "Felix", "Grace",
        "Hana", "Hugo", "Ines", "Ivan", "Jade", "José", "Kai", "Lena", "Liam", "Łukasz", "Maya", "Mei", "Noah", "Nora",
        "Omar", "Priya", "Quinn", "Rosa", "Sam", "Sofia", "Tariq", "Uma", "Victor", "Wen", "Yara", "Zoë", "Zane",
    ];

    public static readonly string[] LastNames =
    [
        "Abbott", "Bauer", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Hansen", "Ito", "Jensen", "Kowalski",
        "Lopez", "Martin", "Nakamura", "Okafor", "Patel", "Quint", "Rossi", "Silva", "Tanaka", "Ueda", "Varga",
        "Weber", "Xu", "Young", "Zimmer",
    ];

    public static readonly string[] EmailDomains = ["example.com", "example.org", "example.net", "mail.example"];

    public static readonly (string City, string Country)[] Cities =
    [
        ("New York", "US"), ("San Francisco", "US"), ("Austin", "US"), ("Chicago", "US"), ("Seattle", "US"),
        ("Toronto", "CA"), ("London", "GB"), ("Manchester", "GB"), ("Paris", "FR"), ("Lyon", "FR"), ("Berlin", "DE"),
        ("München", "DE"), ("Madrid", "ES"), ("Lisbon", "PT"), ("Amsterdam", "NL"), ("Warsaw", "PL"), ("Tokyo", "JP"),
        ("Sydney", "AU"), ("São Paulo", "BR"), ("Mumbai", "IN"),
    ];

    public static readonly string[] Plans = ["free", "pro", "platinum", "enterprise"];

    /// <summary>Weights of <see cref="Plans"/>.</summary>
    public static readonly int[] PlanWeights = [45, 30, 15, 10];

    public static readonly string[] LoyaltyTiers = ["Bronze", "Silver", "Gold", "Platinum"];

    public static readonly string[] Colors = ["red", "blue", "green", "purple", "black", "orange", "teal", "yellow"];

    public static readonly string[] AccountStatuses = ["active", "closed", "suspended"];

    public static readonly string[] Regions = ["us-east", "us-west", "eu-west", "eu-central", "apac"];

    public static readonly string[] CardNetworks = ["Visa", "Mastercard", "Amex", "Discover"];

    public static readonly string[] SubscriptionTiers = ["Basic", "Premium", "Gold"];

    public static readonly (string Merchant, string Category)[] Merchants =
    [
        ("FreshMart", "groceries"), ("GreenGrocer", "groceries"), ("SkyHigh Airlines", "travel"), ("StayWell Hotels", "travel"),
        ("Bistro 21", "dining"), ("Noodle Bar", "dining"), ("Café Central", "dining"), ("GadgetHub", "electronics"),
        ("PixelStore", "electronics"), ("FuelUp", "fuel"), ("CineMax", "entertainment"), ("StreamNow", "entertainment"),
    ];

    public static readonly string[] OrderStatuses = ["active", "completed", "cancelled"];

    public static readonly (string Product, int PriceDollars)[] Products =
    [
        ("Espresso Machine", 349), ("Running Shoes", 120), ("Noise-Cancelling Headphones", 299), ("Yoga Mat", 35),
        ("Cast Iron Pan", 45), ("Smart Watch", 249), ("Backpack", 89), ("Desk Lamp", 59), ("Board Game", 40),
        ("Winter Jacket", 180), ("Cat Tree", 75), ("Dog Bed", 65), ("Aquarium Kit", 130), ("Bird Feeder", 25),
        ("Sunglasses", 150), ("Cookbook", 28),
    ];

    public static readonly string[] PetTypes = ["Cat", "Dog", "Fish", "Bird", "cat"];

    /// <summary>Weights of <see cref="PetTypes"/>: a few lower-case "cat" rows test case-sensitive matching.</summary>
    public static readonly int[] PetTypeWeights = [34, 42, 11, 10, 3];

    public static readonly string[] PetNames =
    [
        "Luna", "Milo", "Bella", "Oliver", "Coco", "Simba", "Nala", "Max", "Kiwi", "Pepper", "Shadow", "Nemo", "Rio", "Mochi",
    ];

    public static readonly string[] EventNames = ["Order Completed", "Product Viewed", "Signed In", "Card Payment"];

    /// <summary>Weights of <see cref="EventNames"/>.</summary>
    public static readonly int[] EventWeights = [20, 45, 25, 10];

    public static readonly string[] Currencies = ["USD", "EUR", "GBP"];

    public static readonly string[] Coupons = ["WELCOME", "SAVE10", "VIP20", "FREESHIP"];

    public static readonly string[] Locales = ["en-US", "en-GB", "fr-FR", "de-DE", "es-ES", "pt-BR", "ja-JP"];

    public static readonly string[] Channels = ["web", "ios", "android", "email"];
}
