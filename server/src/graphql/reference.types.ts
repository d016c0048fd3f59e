import { Field, Float, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "Pays de la dimension pays (BF, ML, NE, TG ; ZZ = autres). / Country of the country dimension (ZZ = others)." })
export class Country {
  @Field(() => String, { description: "Code ISO 3166-1 alpha-2. / ISO 3166-1 alpha-2 code." })
  code!: string;

  @Field(() => String, { description: "Nom en français. / French name." })
  nameFr!: string;

  @Field(() => String, { description: "Nom en anglais. / English name." })
  nameEn!: string;

  @Field(() => Boolean, { description: "Membre de l'Alliance des États du Sahel. / Member of the Alliance of Sahel States." })
  aes!: boolean;
}

@ObjectType({ description: "Bureau de douane du corridor. / Customs office of the corridor." })
export class Office {
  @Field(() => String, { description: "Code du bureau, p. ex. TGLFW. / Office code, e.g. TGLFW." })
  code!: string;

  @Field(() => String, { description: "Nom du bureau. / Office name." })
  name!: string;

  @Field(() => String, { description: "Pays du bureau. / Country of the office." })
  country!: string;

  @Field(() => String, { description: "Nature : port, frontière ou destination. / Kind: port, border or destination." })
  kind!: string;

  @Field(() => String, { description: "Fuseau horaire IANA ; les heures sans décalage y sont locales. / IANA time zone; times without an offset are local to it." })
  timezone!: string;

  @Field(() => Float, { description: "Latitude (degrés). / Latitude (degrees)." })
  lat!: number;

  @Field(() => Float, { description: "Longitude (degrés). / Longitude (degrees)." })
  lon!: number;
}

@ObjectType({ description: "Itinéraire de transit, écrit dans le sens import (Lomé d'abord). / Transit route, written in the import direction (Lomé first)." })
export class Route {
  @Field(() => String, { description: "Code de l'itinéraire, p. ex. TG-BF-OUA. / Route code, e.g. TG-BF-OUA." })
  code!: string;

  @Field(() => String, { description: "Pays de destination. / Destination country." })
  destinationCountry!: string;

  @Field(() => [String], { description: "Bureaux traversés, dans l'ordre. / Offices passed, in order." })
  offices!: string[];

  @Field(() => Int, { description: "Longueur en kilomètres. / Length in kilometres." })
  km!: number;

  @Field(() => String, { description: "Description du tracé. / Description of the way." })
  note!: string;
}

@ObjectType({ description: "Terminal ou quai du port de Lomé. / Terminal or quay of the Port of Lomé." })
export class Terminal {
  @Field(() => String, { description: "Code du terminal. / Terminal code." })
  code!: string;

  @Field(() => String, { description: "Nom en français. / French name." })
  nameFr!: string;

  @Field(() => String, { description: "Nom en anglais. / English name." })
  nameEn!: string;

  @Field(() => String, { description: "Type de marchandises : container, general, bulk, liquid_bulk. / Cargo type." })
  cargo!: string;
}

@ObjectType({ description: "Code de taxe douanière. / Customs tax code." })
export class TaxCode {
  @Field(() => String, { description: "Code (DD, RS, PC, PCS, TVA, GAR). / Code." })
  code!: string;

  @Field(() => String, { description: "Nom en français. / French name." })
  nameFr!: string;

  @Field(() => String, { description: "Nom en anglais. / English name." })
  nameEn!: string;

  @Field(() => Boolean, { description: "Compte dans les recettes (faux pour la garantie, qui est un dépôt). / Counts as revenue (false for the guarantee, a deposit)." })
  revenue!: boolean;
}

@ObjectType({ description: "Code de redevance portuaire. / Port fee code." })
export class FeeCode {
  @Field(() => String, { description: "Code de la redevance. / Fee code." })
  code!: string;

  @Field(() => String, { description: "Nom en français. / French name." })
  nameFr!: string;

  @Field(() => String, { description: "Nom en anglais. / English name." })
  nameEn!: string;

  @Field(() => Boolean, { description: "Redevance sur le navire, jamais attribuée à un pays. / Fee on the ship, never allocated to a country." })
  shipFee!: boolean;
}

@ObjectType({ description: "Section du Système harmonisé. / Harmonized System section." })
export class HsSection {
  @Field(() => String, { description: "Numéro romain, I à XXI. / Roman numeral, I to XXI." })
  section!: string;

  @Field(() => Int, { description: "Numéro, 1 à 21. / Number, 1 to 21." })
  number!: number;

  @Field(() => String, { description: "Premier chapitre de la section. / First chapter of the section." })
  firstChapter!: string;

  @Field(() => String, { description: "Dernier chapitre de la section. / Last chapter of the section." })
  lastChapter!: string;

  @Field(() => String, { description: "Intitulé en français. / French title." })
  nameFr!: string;

  @Field(() => String, { description: "Intitulé en anglais. / English title." })
  nameEn!: string;
}

@ObjectType({ description: "Chapitre du Système harmonisé (deux chiffres). / Harmonized System chapter (two digits)." })
export class HsChapter {
  @Field(() => String, { description: "Chapitre, 01 à 97. / Chapter, 01 to 97." })
  chapter!: string;

  @Field(() => String, { description: "Section du chapitre. / Section of the chapter." })
  section!: string;

  @Field(() => String, { description: "Intitulé en français. / French title." })
  nameFr!: string;

  @Field(() => String, { description: "Intitulé en anglais. / English title." })
  nameEn!: string;
}
