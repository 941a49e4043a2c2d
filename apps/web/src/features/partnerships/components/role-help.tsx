import { PERMISSIONS, type Permission } from "@entente/domain";
import { useT } from "../../../i18n";

/** One sentence per permission, where a permission is chosen or offered; `selected` stands out. */
export function RoleHelp({ selected }: { selected?: Permission }) {
  const t = useT();
  return (
    <ul className="role-help">
      {PERMISSIONS.map((permission) => (
        <li
          key={permission}
          className={
            permission === selected
              ? "role-help__item role-help__item--selected"
              : "role-help__item"
          }
        >
          {t(`invite.role.${permission}.help`)}
        </li>
      ))}
    </ul>
  );
}
