import type { RichTextDoc, RichTextMark, RichTextNode } from "@entente/protocol";
import { Fragment, type ReactNode } from "react";
import { usePartnershipDirectory } from "../../partnerships";
import "../rich-text.css";

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

function withMark(mark: RichTextMark, child: ReactNode, key: number): ReactNode {
  switch (mark.type) {
    case "bold":
      return <strong key={key}>{child}</strong>;
    case "italic":
      return <em key={key}>{child}</em>;
    case "strike":
      return <s key={key}>{child}</s>;
    case "underline":
      return <u key={key}>{child}</u>;
    case "code":
      return <code key={key}>{child}</code>;
    case "link": {
      const href = mark.attrs?.href;
      // The server lets only web and mail addresses through; checked again where it is drawn.
      if (typeof href !== "string" || !SAFE_HREF.test(href)) return child;
      return (
        <a key={key} href={href} target="_blank" rel="noopener noreferrer nofollow">
          {child}
        </a>
      );
    }
    default:
      return child;
  }
}

function Mention({ node }: { node: RichTextNode }) {
  const { organization, member } = usePartnershipDirectory();
  const id = String(node.attrs?.id ?? "");
  const kind = node.attrs?.kind === "organization" ? "organization" : "user";
  const organizationId = kind === "organization" ? id : (member(id)?.organizationId ?? "");
  const color = organization(organizationId)?.color;
  return (
    <span
      className="mention"
      data-kind={kind}
      data-id={id}
      style={color ? { color, backgroundColor: `${color}14` } : undefined}
    >
      @{String(node.attrs?.label ?? "")}
    </span>
  );
}

function renderNode(node: RichTextNode, key: number): ReactNode {
  const children = node.content?.map(renderNode);
  switch (node.type) {
    case "text":
      return (
        <Fragment key={key}>
          {(node.marks ?? []).reduce<ReactNode>(
            (child, mark, index) => withMark(mark, child, index),
            node.text ?? "",
          )}
        </Fragment>
      );
    case "paragraph":
      return <p key={key}>{children}</p>;
    case "heading":
      return node.attrs?.level === 1 ? (
        <h3 key={key}>{children}</h3>
      ) : (
        <h4 key={key}>{children}</h4>
      );
    case "bulletList":
      return <ul key={key}>{children}</ul>;
    case "orderedList": {
      const start = typeof node.attrs?.start === "number" ? node.attrs.start : 1;
      return (
        <ol key={key} start={start}>
          {children}
        </ol>
      );
    }
    case "listItem":
      return <li key={key}>{children}</li>;
    case "blockquote":
      return <blockquote key={key}>{children}</blockquote>;
    case "codeBlock":
      return (
        <pre key={key}>
          <code>{children}</code>
        </pre>
      );
    case "hardBreak":
      return <br key={key} />;
    case "horizontalRule":
      return <hr key={key} />;
    case "mention":
      return <Mention key={key} node={node} />;
    default:
      return children ? <span key={key}>{children}</span> : null;
  }
}

/** A post or reply body, drawn from its JSON (never as HTML). */
export function RichTextView({ body }: { body: RichTextDoc }) {
  return <div className="rich-text">{body.content?.map(renderNode)}</div>;
}
