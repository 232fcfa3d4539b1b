/** One row per Einsum: energy, latency, compute operations and energy per compute. */
import { formatCount, formatPlain, formatSI } from './format.js';
import { useShownPoint } from './use-shown-point.js';

export function EinsumTable() {
  const { point } = useShownPoint();
  if (point === null) return null;
  const { einsums, totals } = point.evaluation;
  return (
    <div className="result-view einsum-table" data-testid="einsum-table">
      <h3>Per Einsum</h3>
      <table>
        <thead>
          <tr>
            <th>Einsum</th>
            <th>Energy</th>
            <th>Latency</th>
            <th>MACs</th>
            <th>Energy / MAC</th>
          </tr>
        </thead>
        <tbody>
          {einsums.map((row) => (
            <tr key={row.einsum}>
              <td>{row.einsum}</td>
              <td>{formatSI(row.energy, 'J')}</td>
              <td>{formatSI(row.latency, 's')}</td>
              <td>{formatCount(row.computeOps)}</td>
              <td>{formatSI(row.energyPerCompute, 'J/MAC')}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th>Total</th>
            <th>{formatSI(totals.energy, 'J')}</th>
            <th>{formatSI(totals.latency, 's')}</th>
            <th>{formatCount(totals.computeOps)}</th>
            <th>{formatSI(totals.energyPerCompute, 'J/MAC')}</th>
          </tr>
        </tfoot>
      </table>
      <p className="totals-note">
        Area {formatPlain(totals.area, 'm²')} · leak power {formatSI(totals.leakPower, 'W')} · EDP {formatSI(totals.edp, 'J·s')}
      </p>
    </div>
  );
}
