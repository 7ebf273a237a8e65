"""clew's own readers, one module per input format, each registered in ``clew.registry.readers``.

    text     .txt .md .markdown, with optional YAML front matter
    html     .html .htm and fetched pages (trafilatura)
    pdf      .pdf (pypdf)
    records  .jsonl .json in the format of the eval GUIDE, streamed
    csv      .csv with a ``text`` column, or a ``url`` column to fetch
    warc     .warc .warc.gz web archives (warcio), streamed
    feed     RSS and Atom feeds (feedparser); each entry's link is fetched
    url      http(s) targets, read by content type

``contract`` says how a reader asks for a stream or a location instead of bytes. Importing a reader
module registers it; ``clew.ingest.discover`` imports them all. Heavy libraries are imported inside
the functions that need them, so registering every reader costs next to nothing.
"""
