import { Arg, Authorized, Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "./context.js";
import { Country, FeeCode, HsChapter, HsSection, Office, Route, TaxCode, Terminal } from "./reference.types.js";

/** The reference lists: code lists the data is checked against, with their French and English names. */
@Resolver()
export class ReferenceResolver {
  @Authorized()
  @Query(() => [Country], { description: "Pays de la dimension pays. / Countries of the country dimension." })
  async countries(@Ctx() { services }: Context): Promise<Country[]> {
    const rows = await services.reference.countries();
    return rows.map((r) => ({ code: r.code, nameFr: r.name_fr, nameEn: r.name_en, aes: r.aes === 1 }));
  }

  @Authorized()
  @Query(() => [Office], { description: "Bureaux de douane, éventuellement d'un seul pays. / Customs offices, optionally of one country." })
  async offices(
    @Arg("country", () => String, { nullable: true, description: "Code pays, p. ex. NE. / Country code, e.g. NE." }) country: string | null,
    @Ctx() { services }: Context,
  ): Promise<Office[]> {
    return services.reference.offices(country ?? null);
  }

  @Authorized()
  @Query(() => [Route], { description: "Itinéraires de transit. / Transit routes." })
  async routes(@Ctx() { services }: Context): Promise<Route[]> {
    const rows = await services.reference.routes();
    return rows.map((r) => ({ code: r.route, destinationCountry: r.destination_country, offices: r.offices, km: r.km, note: r.note }));
  }

  @Authorized()
  @Query(() => [Terminal], { description: "Terminaux et quais du port. / Port terminals and quays." })
  async terminals(@Ctx() { services }: Context): Promise<Terminal[]> {
    const rows = await services.reference.terminals();
    return rows.map((r) => ({ code: r.code, nameFr: r.name_fr, nameEn: r.name_en, cargo: r.cargo }));
  }

  @Authorized()
  @Query(() => [TaxCode], { description: "Codes de taxes douanières. / Customs tax codes." })
  async taxCodes(@Ctx() { services }: Context): Promise<TaxCode[]> {
    const rows = await services.reference.taxCodes();
    return rows.map((r) => ({ code: r.code, nameFr: r.name_fr, nameEn: r.name_en, revenue: r.revenue === 1 }));
  }

  @Authorized()
  @Query(() => [FeeCode], { description: "Codes de redevances portuaires. / Port fee codes." })
  async feeCodes(@Ctx() { services }: Context): Promise<FeeCode[]> {
    const rows = await services.reference.feeCodes();
    return rows.map((r) => ({ code: r.code, nameFr: r.name_fr, nameEn: r.name_en, shipFee: r.ship_fee === 1 }));
  }

  @Authorized()
  @Query(() => [HsSection], { description: "Sections du Système harmonisé. / Harmonized System sections." })
  async hsSections(@Ctx() { services }: Context): Promise<HsSection[]> {
    const rows = await services.reference.hsSections();
    return rows.map((r) => ({ section: r.section, number: r.number, firstChapter: r.first_chapter, lastChapter: r.last_chapter, nameFr: r.name_fr, nameEn: r.name_en }));
  }

  @Authorized()
  @Query(() => [HsChapter], { description: "Chapitres du Système harmonisé, éventuellement d'une section. / Harmonized System chapters, optionally of one section." })
  async hsChapters(
    @Arg("section", () => String, { nullable: true, description: "Section en chiffres romains, p. ex. V. / Section in Roman numerals, e.g. V." }) section: string | null,
    @Ctx() { services }: Context,
  ): Promise<HsChapter[]> {
    const rows = await services.reference.hsChapters(section ?? null);
    return rows.map((r) => ({ chapter: r.chapter, section: r.section, nameFr: r.name_fr, nameEn: r.name_en }));
  }
}
