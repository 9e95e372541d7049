"""The board-pack email draft: a standard .eml built with the standard library's email package.

`X-Unsent: 1` makes Outlook (and Thunderbird) open it as a draft ready to edit and send;
nothing is ever sent from here. The body is the pack's content (content/pack.py) rendered
twice, as plain text and as HTML; the report and the cleaned workbook are attached byte for
byte under their own MIME types.
"""
from __future__ import annotations

import html
from collections.abc import Sequence
from email.message import EmailMessage
from email.policy import default
from email.utils import formatdate
from pathlib import Path

from paptools.content.pack import PackContent

MIME_TYPES = {
    ".docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ".xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ".csv": ("text", "csv"),
}


def plain_body(content: PackContent, attachments: Sequence[Path]) -> str:
    """The body as plain text: short paragraphs, the figures as an aligned table."""
    widths = [max(len(row[i]) for row in (content.table_headers, *content.table_rows))
              for i in range(len(content.table_headers))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    parts = [content.opening, "", "HEADLINE FIGURES", *content.headline, "",
             line(content.table_headers), *(line(r) for r in content.table_rows),
             *([content.table_note] if content.table_note else []), "",
             content.changes_heading.upper(), *(f"- {c}" for c in content.changes)]
    if content.attention:
        parts += ["", "NEEDING ATTENTION", *(f"- {a}" for a in content.attention)]
    parts += ["", "ATTACHED", *(f"- {p.name}" for p in attachments), "",
              "Made by paptools from the plan itself; the report gives the detail."]
    return "\n".join(parts) + "\n"


def html_body(content: PackContent, attachments: Sequence[Path]) -> str:
    """The same body as HTML, with a real table (header cells marked) for the figures."""
    e = html.escape

    def items(lines: Sequence[str]) -> str:
        return "<ul>" + "".join(f"<li>{e(x)}</li>" for x in lines) + "</ul>"

    head = "".join(f'<th scope="col" style="text-align:left;padding:2px 8px">{e(h)}</th>'
                   for h in content.table_headers)
    rows = "".join("<tr>" + "".join(
        (f'<th scope="row" style="text-align:left;padding:2px 8px">{e(c)}</th>' if i == 0 else
         f'<td style="text-align:right;padding:2px 8px">{e(c)}</td>') for i, c in enumerate(row)) + "</tr>"
        for row in content.table_rows)
    parts = [
        f"<p>{e(content.opening)}</p>",
        "<h2>Headline figures</h2>",
        *(f"<p>{e(s)}</p>" for s in content.headline),
        f'<table style="border-collapse:collapse"><caption>Actions by status</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>",
        *([f"<p>{e(content.table_note)}</p>"] if content.table_note else []),
        f"<h2>{e(content.changes_heading)}</h2>", items(content.changes),
    ]
    if content.attention:
        parts += ["<h2>Needing attention</h2>", items(content.attention)]
    parts += ["<h2>Attached</h2>", items([p.name for p in attachments]),
              "<p>Made by paptools from the plan itself; the report gives the detail.</p>"]
    return ('<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
            f"<title>{e(content.subject)}</title></head>"
            '<body style="font-family:Arial,sans-serif;font-size:11pt">' + "".join(parts) + "</body></html>")


def draft_message(content: PackContent, attachments: Sequence[Path], *, to: Sequence[str] = (),
                  cc: Sequence[str] = ()) -> EmailMessage:
    """The draft: headers, plain text and HTML alternatives, then each file attached as written."""
    message = EmailMessage(policy=default)
    message["Subject"] = content.subject
    message["To"] = ", ".join(to)  # blank: the officer fills it in
    if cc:
        message["Cc"] = ", ".join(cc)
    message["Date"] = formatdate(localtime=True)
    message["X-Unsent"] = "1"
    message.set_content(plain_body(content, attachments))
    message.add_alternative(html_body(content, attachments), subtype="html")
    for path in attachments:
        maintype, subtype = MIME_TYPES.get(path.suffix.lower(), ("application", "octet-stream"))
        message.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name)
    return message


def write_draft(path: Path, message: EmailMessage) -> None:
    """The message as a .eml file (CRLF line ends, as mail programs expect).

    Headers are not folded at 78 characters (998 is the limit): folding a long subject beside
    an encoded word ("–", "’") makes Python's parser read back a doubled space.
    """
    path.write_bytes(message.as_bytes(policy=default.clone(linesep="\r\n", max_line_length=998)))
