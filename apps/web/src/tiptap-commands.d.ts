// The charter schema (StarterKit) lives in @entente/editor, whose types do not pull in the
// extensions' `Commands` augmentations; loading StarterKit's types here brings
// toggleHeading, toggleBold… onto `editor.chain()`.
import "@tiptap/starter-kit";
