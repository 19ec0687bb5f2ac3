from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


class ProcessRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.CharField()


class CouncilReportSerializer(serializers.Serializer):
    """A progress report as sent to the council; frozen once sent."""

    id = serializers.IntegerField()
    process = ProcessRefSerializer()
    generatedAt = serializers.DateTimeField(source="generated_at")
    sentAt = serializers.DateTimeField(source="sent_at")


class CouncilReportDetailSerializer(CouncilReportSerializer):
    content = serializers.SerializerMethodField()

    @extend_schema_field(
        {
            "type": "object",
            "additionalProperties": True,
            "description": "The report as JSON-LD (format zwerm-council-report/1, see docs/council-reports.md).",
        }
    )
    def get_content(self, report) -> dict:
        return report.content
