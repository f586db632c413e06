using OrchardCore.DisplayManagement.Manifest;

[assembly: Theme(
    Name = "Linked Audiences demo theme",
    Author = "The Linked Audiences contributors",
    Website = "https://github.com/linked-audiences/linked-audiences",
    Version = "0.1.0",
    Description = "The demo site's front page: what the demo is, and the way to the admin."
)]
