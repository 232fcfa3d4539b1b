/** A row of tabs; knows nothing about what the tabs hold. */
export interface TabItem {
  readonly id: string;
  readonly label: string;
  readonly title?: string;
  readonly badge?: number;
}

export function Tabs(props: { items: readonly TabItem[]; active: string; onSelect(id: string): void; label: string }) {
  return (
    <div className="tabs" role="tablist" aria-label={props.label}>
      {props.items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="tab"
          aria-selected={item.id === props.active}
          className={item.id === props.active ? 'tab active' : 'tab'}
          title={item.title ?? item.label}
          onClick={() => props.onSelect(item.id)}
        >
          {item.label}
          {item.badge ? <span className="badge">{item.badge}</span> : null}
        </button>
      ))}
    </div>
  );
}
