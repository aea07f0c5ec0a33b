from django.http import HttpResponse


def import_siasn(request):
    return HttpResponse("import")
