using Microsoft.AspNetCore.Http.HttpResults;

namespace MoiAimerToi.Web.Api;

public static class ApiForms
{
    /// <summary>
    /// The request's form, or a 400 saying why it cannot be read (a body over its route's limit is not this:
    /// the server refuses it as it is read, and <see cref="ApiErrorsMiddleware"/> answers that 413).
    /// </summary>
    public static async Task<(IFormCollection? Form, JsonHttpResult<ApiError>? Unreadable)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (InvalidDataException exception)
        {
            return (null, TypedResults.Json(new ApiError($"The form could not be read: {exception.Message}"), statusCode: StatusCodes.Status400BadRequest));
        }
    }
}
