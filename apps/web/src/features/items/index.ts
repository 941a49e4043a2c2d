/**
 * What the other features use of items (the lint rule `entente/feature-entry-points`).
 * Its lazily loaded pages and sections are not here: they are loaded with import().
 */
export {
  EditableList,
  type EditableListProps,
  type ItemFormProps,
  useListWording,
} from "./components/editable-list";
export {
  DescriptionField,
  DueDateField,
  LevelField,
  PlanningFields,
  TitleField,
  UnitField,
} from "./components/item-fields";
export { ItemsSection } from "./components/items-section";
export { UnreadableEntry } from "./components/unreadable-entry";
export { useDocumentItems, type DocumentItems } from "./hooks/use-document-items";
export { useItemEditor } from "./hooks/use-item-editor";
export { usePlanning, type Planning } from "./hooks/use-planning";
export { useOrganizationOptions } from "./hooks/use-select-options";
export { useWrite } from "./hooks/use-write";
