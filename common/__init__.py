"""Infrastructure shared by every Mercato service. No domain model lives here."""
