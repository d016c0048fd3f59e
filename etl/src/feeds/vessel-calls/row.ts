/** A vessel call as stored in `vessel_calls` (migration 0004). Times: UTC `YYYY-MM-DD HH:MM:SS`; numbers: canonical decimal text. */
export interface VesselCallRow {
  readonly [column: string]: string | null;
  readonly call_id: string;
  readonly vessel_name: string;
  readonly imo: string;
  readonly voyage: string;
  readonly terminal: string;
  readonly arrived_at: string;
  readonly berthed_at: string;
  readonly departed_at: string | null;
  readonly teu_discharged: string;
  readonly teu_loaded: string;
  readonly tonnes_discharged: string;
  readonly tonnes_loaded: string;
}
