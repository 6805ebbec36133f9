"""The room's phone page (issue 14): a small aiohttp server that runs in the app's own event loop
for the length of a workshop. It never imports Textual; it reaches the project only through
``core.room_host.RoomHost`` and lets in only what ``core.room.Room`` allows."""
