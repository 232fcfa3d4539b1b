/** The mapper knobs, edited as a form rather than a file. */
import { useExplorer } from '../../store/context.js';
import type { MapperMetric } from '../../store/spec-slice.js';

const METRICS: readonly { id: MapperMetric; label: string }[] = [
  { id: 'energy', label: 'Energy' },
  { id: 'latency', label: 'Latency' },
  { id: 'edp', label: 'Energy-delay product' },
];

export function MapperSettingsForm() {
  const { mapper, setMapper } = useExplorer((s) => ({ mapper: s.mapper, setMapper: s.setMapper }));
  return (
    <form className="mapper-settings" onSubmit={(e) => e.preventDefault()}>
      <label>
        Objective
        <select value={mapper.metric} onChange={(e) => setMapper({ metric: e.target.value as MapperMetric })}>
          {METRICS.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Max fused loops
        <input
          type="number"
          min={0}
          step={1}
          value={mapper.maxFusedLoops}
          onChange={(e) => setMapper({ maxFusedLoops: Math.max(0, Math.round(Number(e.target.value))) })}
        />
      </label>
      <label>
        Time limit (s)
        <input
          type="number"
          min={1}
          value={mapper.timeLimitSeconds}
          onChange={(e) => setMapper({ timeLimitSeconds: Math.max(1, Number(e.target.value)) })}
        />
      </label>
      <p className="form-note">Fewer fused loops map faster; the mapper keeps the Pareto front of the objective.</p>
    </form>
  );
}
