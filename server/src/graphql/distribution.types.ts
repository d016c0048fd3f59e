import { Field, Float, Int, ObjectType } from "type-graphql";
import { FeedFreshness, PeriodRange } from "./metrics.types.js";

@ObjectType({ description: "Une classe de l'histogramme : de `fromHours` inclus à `toHours` exclu. / One bin of the histogram: from `fromHours` included to `toHours` excluded." })
export class HistogramBin {
  @Field(() => Float, { description: "Début de la classe, en heures. / Bin start, in hours." })
  fromHours!: number;

  @Field(() => Float, { description: "Fin de la classe, en heures (exclue). / Bin end, in hours (excluded)." })
  toHours!: number;

  @Field(() => Int, { description: "Conteneurs dans la classe. / Containers in the bin." })
  containers!: number;
}

@ObjectType({ description: "Répartition du séjour portuaire des conteneurs pleins à l'import, datés à la sortie. / Spread of the port dwell of full import containers, dated at gate-out." })
export class PortDwellHistogram {
  @Field(() => PeriodRange, { description: "Période. / Period." })
  period!: PeriodRange;

  @Field(() => [HistogramBin], { description: "Les classes, toutes, vides comprises. / Every bin, empty ones included." })
  bins!: HistogramBin[];

  @Field(() => Int, { description: "Conteneurs restés plus de `maxHours`. / Containers that stayed longer than `maxHours`." })
  overflow!: number;

  @Field(() => Int, { description: "Conteneurs comptés en tout. / Containers counted in all." })
  containers!: number;

  @Field(() => [FeedFreshness], { description: "Données au, par flux. / Data as of, per feed." })
  dataAsOf!: FeedFreshness[];
}
