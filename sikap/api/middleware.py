from sikap.api.errors import BY_STATUS, galat


class JsonErrorsMiddleware:
    """Under /api/, an error Django answered itself (an unknown route, a method the route does
    not take, a crash outside the API) comes back in the API's JSON error shape, not as HTML."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path.startswith("/api/")
            and response.status_code >= 400
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            status = response.status_code if response.status_code in BY_STATUS else 500
            replacement = galat(status)
            if "Allow" in response:
                replacement["Allow"] = response["Allow"]
            return replacement
        return response
