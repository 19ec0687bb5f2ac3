"""factory_boy factories for plain reference rows (places). Rows with rules go through the services."""

import factory

from zwerm.places.models import District, Neighbourhood


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    name = factory.Sequence(lambda n: f"Wijk {n}")
    # WK + the municipality's four digits + a two-digit wijk number, as CBS codes them.
    code = factory.LazyAttributeSequence(lambda o, n: f"WK{o.municipality.cbs_code[2:]}{n % 90 + 10:02d}")


class NeighbourhoodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Neighbourhood

    district = factory.SubFactory(DistrictFactory)
    municipality = factory.SelfAttribute("district.municipality")
    name = factory.Sequence(lambda n: f"Buurt {n}")
    code = factory.LazyAttributeSequence(lambda o, n: f"BU{o.district.code[2:]}{n % 90 + 10:02d}")
