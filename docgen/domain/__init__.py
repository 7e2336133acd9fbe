"""Pure domain rules: money, dates, identity, calendars."""
