/** The operations of the end-to-end journey, exactly as a client sends them to the router. */

export const SIGN_IN = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) { accessToken viewer { id } errors { code message } }
  }
`;

export const SEARCH_FLIGHTS = /* GraphQL */ `
  query Search($input: SearchFlightsInput!) {
    searchFlights(input: $input, first: 20) {
      edges { node { id flightNumber airline { code } cabins { cabin seatsLeft } } }
    }
  }
`;

export const HOLD_SEAT = /* GraphQL */ `
  mutation Hold($input: HoldSeatInput!) {
    holdSeat(input: $input) { hold { id status seat { id seatNumber } price { amount currency } } errors { code message } }
  }
`;

export const CREATE_DRAFT = /* GraphQL */ `
  mutation Draft($input: CreateBookingDraftInput!) {
    createBookingDraft(input: $input) { booking { id status total { amount currency } } errors { code message field } }
  }
`;

export const EVALUATE = /* GraphQL */ `
  mutation Evaluate($input: EvaluateBookingPolicyInput!) {
    evaluateBookingPolicy(input: $input) { evaluation { result } errors { code message } }
  }
`;

export const CONFIRM = /* GraphQL */ `
  mutation Confirm($input: ConfirmBookingInput!) {
    confirmBooking(input: $input) { booking { id status } errors { code message } }
  }
`;

/** One query, fields from all six subgraphs. */
export const BOOKING_EVERYWHERE = /* GraphQL */ `
  query Booking($id: ID!) {
    booking(id: $id) {
      id
      status
      total { amount currency }
      traveler {
        name
        department
        organization {
          name
          spend { totals { amount currency } confirmedBookings }
        }
      }
      segments {
        cabin
        flight { flightNumber origin { code timeZone } destination { code } }
        seat { seatNumber available }
      }
      policyEvaluation { result policyVersion }
      payment { status sandbox amount { amount currency } }
    }
  }
`;

export const FLIGHT_SEATS_LEFT = /* GraphQL */ `
  query SeatsLeft($id: ID!) {
    flight(id: $id) { cabins { cabin seatsLeft } }
  }
`;
