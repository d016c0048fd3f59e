export type ContainerEvent = "DISCHARGE" | "LOAD" | "GATE_IN" | "GATE_OUT";

/** One EDIFACT container group as stored in `container_events` (migration 0005). */
export interface ContainerEventRow {
  readonly [column: string]: string | number | null;
  readonly container_no: string;
  readonly event: ContainerEvent;
  /** UTC `YYYY-MM-DD HH:MM:SS`, converted from terminal (Lomé) time. */
  readonly event_at: string;
  readonly message_type: "COARRI" | "CODECO";
  readonly terminal: string;
  readonly size_type: string;
  /** Canonical decimal text: "1", "2", "2.25". */
  readonly teu: string;
  /** 2 export, 3 import, 6 transshipment. */
  readonly status: number;
  /** 1 full (EDIFACT 5), 0 empty (4). */
  readonly full: number;
  readonly bill_of_lading: string;
  /** Canonical decimal text, or null when no MEA segment. */
  readonly gross_kg: string | null;
  readonly seal: string;
  readonly voyage: string;
  readonly vessel_imo: string;
  readonly vessel_name: string;
  readonly carrier: string;
  readonly haulier: string;
  readonly truck_plate: string;
  readonly delivery_office: string;
  readonly interchange_ref: string;
  readonly message_ref: string;
}
