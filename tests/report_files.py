"""Writers that turn a report's text into the file formats reportparse reads (for the tests).

Each writer lays the text out the way real publishers do: an HTML page with navigation, a
toolbar, related links and a QR-code box around the article; a .docx with a running head; a
PDF with a running head, page numbers and paragraphs wrapped by the layout.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

HTML_CLUTTER = ("首页", "新闻中心", "【字号：", "打印", "下载", "全屏", "相关报道", "扫一扫", "版权所有", "var claim")


def write_html(text: str, path: Path) -> Path:
    """An HTML page in the style of a government site: the report among page furniture."""
    lines = text.splitlines()
    paras = "".join(f"<p>{escape(line)}</p>" for line in lines[1:])
    path.write_text(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>政府工作报告</title>"
        "<script>var claim = '增长5%';</script><style>p { text-indent: 2em; }</style></head><body>"
        "<div class=\"head\"><nav><a href=\"/\">首页</a> &gt; <a href=\"/xwzx\">新闻中心</a></nav></div>"
        "<div class=\"toolbar\">【字号：<a>大</a> <a>中</a> <a>小</a>】 <a>打印</a> <a>下载</a> <a>全屏</a></div>"
        f"<div id=\"UCAP-CONTENT\"><h1>{escape(lines[0])}</h1>{paras}</div>"
        "<div class=\"xglj\">相关报道<ul><li><a>全年经济增长5%，投资增长10%</a></li></ul></div>"
        "<div class=\"qrcode\">扫一扫在手机打开当前页</div>"
        "<footer>版权所有：人民政府办公厅 网站标识码1234000012</footer></body></html>",
        "utf-8",
    )
    return path


def write_docx(text: str, path: Path) -> Path:
    """A Word file: one paragraph per line, with a running head."""
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.sections[0].header.paragraphs[0].text = "政府工作报告（2025年第1期）"
    document.save(str(path))
    return path


def write_pdf(text: str, path: Path, latin: bool = False) -> Path:
    """A PDF in a CJK font (``latin``: Helvetica, wrapped between words): indented paragraphs
    wrapped by the layout, a running head and ``— n —`` page numbers on every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    font = "Helvetica" if latin else "STSong-Light"
    style = ParagraphStyle("body", fontName=font, fontSize=12, leading=18, wordWrap=None if latin else "CJK",
                           firstLineIndent=24)

    def furniture(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont(font, 9)
        canvas.drawString(72, A4[1] - 40, "Government Work Report (full text)" if latin else "政府工作报告（全文）")
        canvas.drawCentredString(A4[0] / 2, 30, f"— {doc.page} —")
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1)
    # STSong-Light's Unicode encoding has no entry for U+00B7 (the middle dot of 19·5％, 行走河南·读懂中国)
    # and drops it; its glyph is reached through U+30FB, which the PDF maps back to U+00B7 when read.
    lines = [line.replace("\u00b7", "\u30fb") for line in text.splitlines() if line.strip()]
    doc.build([Paragraph(escape(line), style) for line in lines],
              onFirstPage=furniture, onLaterPages=furniture)
    return path
