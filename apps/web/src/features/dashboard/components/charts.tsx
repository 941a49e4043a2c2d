import {
  CartesianGrid,
  LabelList,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { HealthTrendPoint } from "../state/health-trend";
import type { KpiTrend } from "../state/tiles";

/*
 * The dashboard's charts: this module (and recharts with it) is a chunk of its own, loaded
 * only by the dashboard. Each chart tells the eye without colour: the measured line is solid
 * with its values written at the points, the target is dashed, target changes are marked
 * with a labelled vertical line. The text alternative is the table the tiles render beside.
 */

/** Measurements (solid, labelled) against the target in force (dashed steps). */
export function KpiChart({
  trend,
  labels,
}: {
  trend: KpiTrend;
  labels: { value: string; target: string; targetChange: (target: number) => string };
}) {
  // The days the target changed are points of the axis too (without a measurement), so the
  // change is marked where it happened.
  const data = [
    ...trend.points,
    ...trend.targetChanges
      .filter((c) => !trend.points.some((p) => p.date === c.date))
      .map((c) => ({ date: c.date, value: null, target: c.target })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <ResponsiveContainer width="100%" height={170}>
      <LineChart data={data} margin={{ top: 18, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="2 4" stroke="#e2e8f0" />
        <XAxis dataKey="date" tick={{ fontSize: 11 }} minTickGap={24} />
        <YAxis tick={{ fontSize: 11 }} width={40} />
        <Tooltip />
        <Line
          type="stepAfter"
          dataKey="target"
          name={labels.target}
          stroke="#64748b"
          strokeDasharray="6 4"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="value"
          name={labels.value}
          stroke="#1d4ed8"
          strokeWidth={2}
          isAnimationActive={false}
          connectNulls
        >
          <LabelList dataKey="value" position="top" fontSize={10} />
        </Line>
        {trend.targetChanges.map((change) => (
          <ReferenceLine
            key={change.date}
            x={change.date}
            stroke="#92400e"
            strokeDasharray="2 2"
            label={{ value: labels.targetChange(change.target), fontSize: 10, position: "top" }}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

const DASHES = ["", "6 4", "2 3", "10 3 2 3"];

/** Each organization's mean rating per closed cycle: one line each, told apart by dashes and names. */
export function HealthChart({
  points,
  series,
}: {
  points: readonly HealthTrendPoint[];
  series: { id: string; name: string; color: string }[];
}) {
  const data = points.map((p) => ({ label: p.label, ...p.scores }));
  return (
    <ResponsiveContainer width="100%" height={170}>
      <LineChart data={data} margin={{ top: 18, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="2 4" stroke="#e2e8f0" />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} />
        <YAxis domain={[1, 5]} tick={{ fontSize: 11 }} width={30} />
        <Tooltip />
        {series.map((s, index) => (
          <Line
            key={s.id}
            dataKey={s.id}
            name={s.name}
            stroke={s.color}
            strokeWidth={2}
            strokeDasharray={DASHES[index % DASHES.length]}
            isAnimationActive={false}
            connectNulls
          >
            <LabelList dataKey={s.id} position="top" fontSize={10} />
          </Line>
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
