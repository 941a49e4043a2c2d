import {
  Legend,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ResponsiveContainer,
} from "recharts";
import type { DimensionComparison } from "../state/health-results";

/** Each side also has its own line pattern, so the chart reads without colour. */
const DASHES = ["0", "6 4", "2 3", "10 3 2 3"];

export interface RadarSeries {
  organizationId: string;
  name: string;
  color: string;
}

/**
 * Both organizations' averages overlaid on one radar (a lazy chunk: recharts loads with
 * this page only). Screen readers get the table beside it instead (`aria-hidden`).
 */
export default function HealthRadar({
  rows,
  series,
}: {
  rows: readonly DimensionComparison[];
  series: readonly RadarSeries[];
}) {
  const data = rows.map((row) => ({
    label: row.label,
    ...Object.fromEntries(series.map((s) => [s.organizationId, row.averages[s.organizationId]])),
  }));
  return (
    <div className="health-radar" aria-hidden="true" data-testid="health-radar">
      <ResponsiveContainer width="100%" height={340}>
        <RadarChart data={data} outerRadius="70%">
          <PolarGrid />
          <PolarAngleAxis dataKey="label" />
          <PolarRadiusAxis domain={[0, 5]} tickCount={6} angle={90} />
          {series.map((s, index) => (
            <Radar
              key={s.organizationId}
              name={s.name}
              dataKey={s.organizationId}
              stroke={s.color}
              strokeWidth={2}
              strokeDasharray={DASHES[index % DASHES.length]}
              fill={s.color}
              fillOpacity={0.12}
              dot
              isAnimationActive={false}
            />
          ))}
          <Legend />
        </RadarChart>
      </ResponsiveContainer>
    </div>
  );
}
