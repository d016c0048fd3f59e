/**
 * What every part of the simulation shares: the corridors, the identifier
 * sources, the five feed writers and the yard. One world per generation run.
 */
import type { Corridors } from "./corridors.js";
import type { ContainerNumbers, Sequences } from "./identifiers.js";
import type { Yard } from "./yard.js";
import type { ContainerEventsWriter } from "./write-container-events.js";
import type { CustomsDeclarationsWriter } from "./write-customs-declarations.js";
import type { PortInvoicesWriter } from "./write-port-invoices.js";
import type { TransitMovementsWriter } from "./write-transit-movements.js";
import type { VesselCallsWriter } from "./write-vessel-calls.js";

export interface World {
  readonly corridors: Corridors;
  readonly scale: number;
  /** Last instant of the generated period: the world as known then (later events are not in any file). */
  readonly cutoff: number;
  readonly numbers: ContainerNumbers;
  readonly sequences: Sequences;
  readonly vesselCalls: VesselCallsWriter;
  readonly containerEvents: ContainerEventsWriter;
  readonly customs: CustomsDeclarationsWriter;
  readonly movements: TransitMovementsWriter;
  readonly invoices: PortInvoicesWriter;
  readonly yard: Yard;
}
